"""A household's contact for a case: the head's phone, or any member's."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.people.models import Household, Resident


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str


def household_contact(household: Household) -> Contact:
    """The household head's phone, or any member's: carried into the case, never retyped."""
    members = Resident.objects.filter(household=household, moved_away_on__isnull=True)
    for person in sorted(members, key=lambda p: (not p.is_household_head, p.pk)):
        if person.phone:
            return Contact(name=person.name, phone=person.phone)
    return Contact(name="", phone="")
