"""The further conditions some rules put on a case; each returns why it fails, or None."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from jiceng.cases import catalogue
from jiceng.cases.models import Case, State
from jiceng.core import clock


def tier_above(case: Case) -> str | None:
    if catalogue.next_tier(case.owner.tier) is None:
        return _("at the top tier")
    return None


def in_reopen_window(case: Case) -> str | None:
    window = timedelta(days=settings.JICENG_REOPEN_WINDOW_DAYS)
    if case.resolved_at is None or clock.now() - case.resolved_at > window:
        return _("past the reopening window")
    return None


def rateable(case: Case) -> str | None:
    """A merged duplicate is rated once per resolution of the case that carried its work."""
    if case.state != State.MERGED:
        return None
    survivor = merged_survivor(case)
    if survivor.state not in (State.RESOLVED, State.CLOSED) or survivor.resolved_at is None:
        return _("merged into a case that is not resolved yet")
    window = timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
    if clock.now() - survivor.resolved_at > window:
        return _("past the rating window")
    if case.ratings.filter(at__gte=survivor.resolved_at).exists():
        return _("already rated")
    return None


def merged_survivor(case: Case) -> Case:
    """The case that carries the work of a merged duplicate (following merges of merges)."""
    seen = {case.pk}
    while case.state == State.MERGED and case.merged_into_id is not None:
        following = Case.objects.select_related("owner").get(pk=case.merged_into_id)
        if following.pk in seen:  # a cycle cannot be made by the services; stop anyway
            break
        seen.add(following.pk)
        case = following
    return case


def still_held(case: Case) -> str | None:
    return _("confirmed as spam") if case.closed_at is not None else None
