"""Outreach: an item for each newly matched person, and what came of it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.core.fast.bulk import insert_ignoring_conflicts
from jiceng.fieldwork.scope import FIELD_ROLES
from jiceng.people.health import HealthDecryptor
from jiceng.people.models import User
from jiceng.policies.models import CLOSED_OUTCOMES, Benefit, Outcome, Outreach, Policy
from jiceng.policies.services.matching import (
    Match,
    active_policies,
    local_today,
    policy_matches,
)


def policies_match(
    *, policy_code: str = "", within: str = "", today: date | None = None, outreach: bool = True
) -> list[Match]:
    """Match every active policy (or one) and open an outreach item for each new person."""
    today = today or local_today()
    policies = active_policies(today)
    if policy_code:
        policies = policies.filter(code=policy_code)
        if not policies.exists():
            raise InvalidInput(_("No active policy with code %(code)s.") % {"code": policy_code})
    found: list[Match] = []
    decrypt = HealthDecryptor()  # each person's health marks decrypted once per run
    for policy in policies:
        matches = policy_matches(policy, within=within, today=today, decrypt=decrypt)
        if outreach:
            _open_outreach(policy, matches)
        found += matches
    return found


OUTREACH_COLUMNS = (
    "policy_id", "resident_id", "household_id", "village_id",
    "reasons", "outcome", "outcome_note", "created_at",
)  # fmt: skip


def _open_outreach(policy: Policy, matches: list[Match]) -> None:
    """One item per new person; the same person found again keeps their item and outcome.

    People who already have an item are skipped with one query; the rest go in
    as a few large ``INSERT … ON CONFLICT DO NOTHING`` statements, so a
    concurrent run cannot open an item twice, through the fast path
    :func:`jiceng.core.fast.bulk.insert_ignoring_conflicts`: a first run over a
    county opens tens of thousands of items (bench/fieldwork/README.md).
    """
    rows = outreach_rows(policy, matches)
    with transaction.atomic():
        insert_ignoring_conflicts(Outreach, OUTREACH_COLUMNS, rows)


_OPEN = (Outcome.OPEN.value, "")


def outreach_rows(policy: Policy, matches: list[Match]) -> list[tuple[Any, ...]]:
    """Column values of the items to open: matched people who have no item yet."""
    known = set(Outreach.objects.filter(policy=policy).values_list("resident_id", flat=True))
    at = connection.ops.adapt_datetimefield_value(clock.now())
    texts: dict[tuple[str, ...], str] = {}  # most matches share their reasons
    return [
        (policy.pk, m.person, m.household, m.village, _json(m.reasons, texts), *_OPEN, at)
        for m in matches
        if m.person not in known
    ]


def _json(reasons: list[str], texts: dict[tuple[str, ...], str]) -> str:
    key = tuple(reasons)
    if key not in texts:
        texts[key] = json.dumps(reasons)
    return texts[key]


def outreach_record(*, item: Outreach, outcome: str, by: User, note: str = "") -> Outreach:
    """The cadre explained, helped apply, or learned the outcome. Received records the benefit."""
    if by.role not in FIELD_ROLES or by.jurisdiction != item.village_id:
        raise NotAllowed(_("Only this village's cadres record outreach here."))
    if outcome not in Outcome.values or outcome == Outcome.OPEN:
        raise InvalidInput(_("Choose what happened."), field="outcome")
    if item.outcome in CLOSED_OUTCOMES:
        raise InvalidInput(_("This item is already closed."), field="outcome")
    note = (note or "").strip()
    if len(note) > 200:
        raise InvalidInput(_("Note must be at most 200 characters."), field="note")
    with transaction.atomic():
        item.outcome, item.outcome_note = outcome, note
        item.outcome_by, item.outcome_at = by, clock.now()
        item.save(update_fields=["outcome", "outcome_note", "outcome_by", "outcome_at"])
        if outcome == Outcome.RECEIVED:
            Benefit.objects.get_or_create(
                policy_id=item.policy_id,
                resident_id=item.resident_id,
                defaults={"since": local_today()},
            )
    return item
