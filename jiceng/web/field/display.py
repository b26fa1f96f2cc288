"""Household members as shown to cadres: masked unless revealed just now, with a reason.

Health marks (disability) are never shown as a badge: every member shows the
same hidden marker whether or not they have one, so the page itself tells nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from jiceng.core import crypto
from jiceng.people.models import Resident

HIDDEN = "●●●"


@dataclass
class MemberView:
    person: Resident
    age: int | None
    masked: dict[str, str] = field(default_factory=dict)
    clear: dict[str, str] = field(default_factory=dict)

    @property
    def flags(self) -> list[str]:
        p = self.person
        pairs = [
            (p.elderly_alone, _("elderly living alone")),
            (p.left_behind_child, _("left-behind child")),
            (p.extreme_poverty, _("extreme poverty support")),
            (p.veteran, _("veteran")),
            (p.in_school, _("in school")),
        ]
        return [label for on, label in pairs if on]

    @property
    def title(self) -> str:
        return self.clear.get("name", self.masked["name"])

    @property
    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(field, label, value shown, shown in clear) for each personal field."""
        labels = {
            "name": _("Name"),
            "phone": _("Phone"),
            "id_number": _("ID number"),
            "health": _("Health marks"),
            "health_note": _("Health details"),
            "note": _("Note"),
        }
        return [
            (name, label, self.clear.get(name, self.masked[name]), name in self.clear)
            for name, label in labels.items()
        ]


def member_view(person: Resident, today: date) -> MemberView:
    masked = {
        "name": crypto.mask_name(person.name),
        "phone": crypto.mask_phone(person.phone) if person.phone else "",
        "id_number": crypto.mask_id_number(person.id_number),
        "health": HIDDEN,
        "health_note": HIDDEN,
        "note": HIDDEN if person.note else "",
    }
    return MemberView(person=person, age=person.age_on(today), masked=masked)
