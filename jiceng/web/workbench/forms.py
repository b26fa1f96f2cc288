"""Forms of the workbench. They check input and scope; the services do the writing."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiceng.cases import rules, selectors
from jiceng.cases.models import OPEN_STATES, Category, Satisfaction, State, Urgency
from jiceng.cases.services import PHONE_RE
from jiceng.core import clock
from jiceng.people.models import Unit, User
from jiceng.places.models import Level

ADVANCED = ("township", "village", "period", "date_from", "date_to")
MINE = "mine"
AREA = "area"
PERIODS = [
    ("", _("Any time")),
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
]


class WorkbenchForm(forms.Form):
    """Points each invalid input at its message, so screen readers read them together."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field, auto_id = self.fields[name], self[name].auto_id
                ids = [f"{auto_id}_helptext"] if field.help_text else []
                field.widget.attrs["aria-describedby"] = " ".join([*ids, f"{auto_id}-error"])


def needed(message: str) -> dict[str, str]:
    """Error messages saying what a required field expects, instead of "This field is required"."""
    return {"required": message}


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class QueueFilterForm(WorkbenchForm):
    tab = forms.ChoiceField(
        choices=[(MINE, _("My queue")), (AREA, _("In my area"))], required=False
    )
    q = forms.CharField(label=_("Search number, title or text"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("State"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    township = forms.CharField(label=_("Township"), required=False, max_length=12)
    village = forms.CharField(label=_("Village"), required=False, max_length=12)
    period = forms.ChoiceField(label=_("Submitted"), choices=PERIODS, required=False)
    date_from = forms.DateField(label=_("Submitted from"), required=False)
    date_to = forms.DateField(label=_("Submitted until"), required=False)

    def __init__(self, data: Any, *, user: User, categories: list[Category]) -> None:
        super().__init__(data)
        self.user = user
        self.tab = AREA if data.get("tab") == AREA else MINE
        states = selectors.queue_states(user) if self.tab == MINE else State.values
        everything = _("All") if self.tab == MINE else _("All open")
        self.fields["state"].choices = [("", everything)] + [(s, State(s).label) for s in states]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (c.code, c.name) for c in categories
        ]

    @property
    def advanced(self) -> bool:
        """Whether a place or date filter is set, so the page shows them unfolded."""
        return any(self.data.get(name) for name in ADVANCED)

    def _place(self, name: str, level: str) -> str:
        code: str = self.cleaned_data[name]
        if code and selectors.place_in_jurisdiction(self.user, code, level) is None:
            raise forms.ValidationError(_("Choose a place inside your area."))
        return code

    def clean_township(self) -> str:
        return self._place("township", Level.TOWNSHIP)

    def clean_village(self) -> str:
        return self._place("village", Level.VILLAGE)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        township, village = data.get("township"), data.get("village")
        if township and village and not village.startswith(township):
            data["village"] = ""  # the township changed; its old village no longer applies
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data

    def filters(self) -> selectors.CaseFilters:
        data = self.cleaned_data
        states: tuple[str, ...] = (data["state"],) if data.get("state") else ()
        if not states and self.tab == AREA:
            states = tuple(OPEN_STATES)
        starts = []
        if data.get("period"):
            starts.append(clock.now() - timedelta(days=int(data["period"])))
        if data.get("date_from"):
            starts.append(_local_midnight(data["date_from"]))
        end = data.get("date_to")
        before = _local_midnight(end + timedelta(days=1)) if end else None
        return selectors.CaseFilters(
            states=states,
            category=data.get("category") or "",
            place=data.get("village") or data.get("township") or "",
            submitted_from=max(starts) if starts else None,
            submitted_before=before,
            text=data.get("q") or "",
        )


# --- actions on a case -------------------------------------------------------------------


class ConfirmForm(WorkbenchForm):
    """An action with nothing to type (accept)."""


class AnswerForm(WorkbenchForm):
    answer = forms.CharField(
        label=_("Answer to the resident"),
        error_messages=needed(_("Write the answer the resident will see.")),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("What was done. The resident sees this answer."),
    )
    # Checked against the case's category by the service (cases.rootcauses).
    root_cause = forms.CharField(label=_("Root cause (optional)"), required=False, max_length=40)
    root_cause_text = forms.CharField(
        label=_("The root cause in a few words (optional)"), required=False, max_length=300
    )


class ReplyForm(WorkbenchForm):
    reply = forms.CharField(
        label=_("Progress reply to the resident"),
        error_messages=needed(_("Write what the resident should know about the progress.")),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "What has been done so far and what happens next. The resident sees it and is "
            "sent a text message; the case stays open."
        ),
    )


class ReasonForm(WorkbenchForm):
    reason = forms.CharField(
        label=_("Reason"),
        error_messages=needed(_("Give the reason.")),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class MergeForm(WorkbenchForm):
    into = forms.CharField(
        label=_("Number of the case that carries the work"),
        error_messages=needed(_("Enter the number of the case to merge into.")),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class NoteForm(WorkbenchForm):
    note = forms.CharField(
        label=_("Internal note"),
        error_messages=needed(_("Write the note.")),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Seen by staff only, never by the public."),
    )


class DispatchForm(WorkbenchForm):
    unit = forms.CharField(label=_("Send to"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_unit(self) -> Unit | None:
        return clean_unit(self.user, self.cleaned_data["unit"])


def clean_unit(user: User, value: str) -> Unit | None:
    """An override of the catalogue: a unit of the user's county, or None for the proposal."""
    if not value:
        return None
    unit = selectors.dispatch_targets(user).filter(pk=value).first() if value.isdigit() else None
    if unit is None:
        raise forms.ValidationError(_("Choose a unit from the list."))
    return unit


class RateForm(WorkbenchForm):
    solved = forms.TypedChoiceField(
        label=_("Was the problem solved?"),
        error_messages=needed(_("Say whether the problem was solved.")),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    satisfaction = forms.ChoiceField(
        label=_("Is the resident satisfied?"),
        error_messages=needed(_("Choose how satisfied the resident is.")),
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Resident's comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )


REVEAL_REASONS = [("call", _("Call the resident")), ("visit", _("Visit")), ("other", _("Other"))]


class RevealForm(WorkbenchForm):
    reason = forms.ChoiceField(
        label=_("Why do you need the phone number?"),
        choices=REVEAL_REASONS,
        error_messages=needed(_("Choose why you need the phone number.")),
    )
    other = forms.CharField(label=_("Other reason"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("reason") == "other" and not (data.get("other") or "").strip():
            self.add_error("other", _("Say why you need the phone number."))
        return data

    def reason_text(self) -> str:
        if self.cleaned_data["reason"] == "other":
            return str(self.cleaned_data["other"]).strip()
        return str(dict(REVEAL_REASONS)[self.cleaned_data["reason"]])


# --- the dispatcher's desk ---------------------------------------------------------------

REQUEST = "request"
CONSULTATION = "consultation"


class DeskForm(WorkbenchForm):
    category = forms.ChoiceField(
        label=_("Category"), error_messages=needed(_("Choose the category of the problem."))
    )
    description = forms.CharField(
        label=_("What does the caller need?"),
        error_messages=needed(_("Describe what the caller needs.")),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    township = forms.CharField(label=_("Township"), required=False, max_length=12)
    village = forms.CharField(
        label=_("Village or community"),
        max_length=12,
        error_messages=needed(_("Choose the village or community where it happens.")),
    )
    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    phone = forms.CharField(
        label=_("Caller's phone"),
        error_messages=needed(_("Enter the caller's phone number.")),
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    name = forms.CharField(
        label=_("Caller's name"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    mode = forms.ChoiceField(
        label=_("How is it handled?"),
        choices=[
            (REQUEST, _("Request (dispatch)")),
            (CONSULTATION, _("Consultation (answer now)")),
        ],
        initial=REQUEST,
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Answer given on the phone"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Only for a consultation: it is closed at once with this answer."),
    )
    unit = forms.CharField(label=_("Send to"), required=False)

    def __init__(self, *args: Any, user: User, categories: list[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.categories = {c.code: c for c in categories}
        self.fields["category"].choices = [(c.code, c.name) for c in categories]

    def clean_township(self) -> str:
        code: str = self.cleaned_data["township"]
        if code and selectors.place_in_jurisdiction(self.user, code, Level.TOWNSHIP) is None:
            raise forms.ValidationError(_("Choose a township of your county."))
        return code

    def clean_village(self) -> str:
        code: str = self.cleaned_data["village"]
        if selectors.place_in_jurisdiction(self.user, code, Level.VILLAGE) is None:
            raise forms.ValidationError(_("Choose a village or community of your county."))
        return code

    def clean_unit(self) -> Unit | None:
        return clean_unit(self.user, self.cleaned_data["unit"])

    def clean_phone(self) -> str:
        # The service checks again; checking here shows every problem of the form at once.
        phone = re.sub(r"[\s()]", "", self.cleaned_data["phone"])
        if not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _(
                    "Phone must be an 11-digit mobile number (e.g. 13812345678) "
                    "or a landline with its area code."
                )
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("mode") == CONSULTATION and not (data.get("answer") or "").strip():
            self.add_error("answer", _("Write the answer you gave, or choose Request."))
        return data

    def category_object(self) -> Category:
        return self.categories[self.cleaned_data["category"]]


ACTION_FORMS: dict[str, type[WorkbenchForm]] = {
    rules.ACCEPT: ConfirmForm,
    rules.RESOLVE: AnswerForm,
    rules.REPLY: ReplyForm,
    rules.ESCALATE: ReasonForm,
    rules.RETURN: ReasonForm,
    rules.REOPEN: ReasonForm,
    rules.MERGE: MergeForm,
    rules.NOTE: NoteForm,
    rules.RATE: RateForm,
}


def action_form(action: str, user: User, data: Any = None) -> WorkbenchForm:
    """The form of one action, its fields prefixed so that several fit on one page."""
    if action == rules.DISPATCH:
        return DispatchForm(data, user=user, prefix=action)
    return ACTION_FORMS[action](data, prefix=action)
