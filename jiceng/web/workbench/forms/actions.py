"""The actions on a case, one small form each (``action_form`` picks it)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.cases import rules
from jiceng.people.models import Unit, User
from jiceng.web.labels import SATISFACTION_LABELS
from jiceng.web.workbench.forms.base import WorkbenchForm, clean_unit, needed


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
        choices=list(SATISFACTION_LABELS.items()),
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Resident's comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )


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
