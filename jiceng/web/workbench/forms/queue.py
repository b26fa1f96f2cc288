"""The queue's filters: tab, state, category, place, dates and free text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from jiceng.cases import selectors
from jiceng.cases.models import OPEN_STATES, Category, State
from jiceng.core import clock
from jiceng.people.models import User
from jiceng.places.models import Level
from jiceng.web.labels import category_label
from jiceng.web.workbench.forms.base import WorkbenchForm

ADVANCED = ("township", "village", "period", "date_from", "date_to")
MINE = "mine"
AREA = "area"
PERIODS = [
    ("", _("Any time")),
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
]


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
        self.fields["state"].choices = [("", everything)] + [
            (s, capfirst(State(s).label)) for s in states
        ]
        self.fields["category"].choices = [("", _("All categories"))] + [
            (c.code, category_label(c)) for c in categories
        ]

    @property
    def advanced(self) -> bool:
        """Whether a place or date filter is set, so the page shows them unfolded."""
        return any(self.data.get(name) for name in ADVANCED)

    @property
    def filtered(self) -> bool:
        """Whether any filter is set, so that a phone shows the folded filters open."""
        return any(self.data.get(name) for name in ("q", "state", "category", *ADVANCED))

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
