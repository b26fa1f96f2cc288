"""Policies find people: save a policy, match it, record what came of the outreach."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.fieldwork.scope import FIELD_ROLES
from jiceng.people.models import Resident, Role, User
from jiceng.policies import rules
from jiceng.policies.models import CLOSED_OUTCOMES, Benefit, Outcome, Outreach, Policy

AUTHOR_ROLES = frozenset({Role.ADMIN, Role.LEADER, Role.DEPARTMENT_STAFF})
POLICY_TEXT_FIELDS = (
    "title",
    "issuing_body",
    "summary",
    "who_qualifies",
    "benefit",
    "how_to_apply",
)


@dataclass(frozen=True)
class Match:
    policy: str
    person: int
    household: int
    village: str
    reasons: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "person": self.person,
            "household": self.household,
            "village": self.village,
            "reasons": self.reasons,
        }


def _today() -> date:
    return timezone.localdate(clock.now())


def active_policies(today: date | None = None) -> Any:
    today = today or _today()
    return Policy.objects.filter(valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )


def _candidates(policy: Policy, within: str, rule: rules.Rule, today: date) -> Any:
    people = Resident.objects.filter(
        household__isnull=False,
        moved_away_on__isnull=True,
        purged_at__isnull=True,
        household__grid__village__code__startswith=policy.scope,
    )
    if within:
        people = people.filter(household__grid__village__code__startswith=within)
    receiving = Benefit.objects.filter(policy=policy, resident=OuterRef("pk"))
    return people.filter(rules.to_q(rule, today)).exclude(Exists(receiving))


def policy_matches(
    policy: Policy, *, within: str = "", rule: rules.Rule | None = None, today: date | None = None
) -> list[Match]:
    """People in ``within`` who qualify for the policy and are not recorded as receiving it."""
    today = today or _today()
    rule = policy.rule if rule is None else rule
    rules.validate_rule(rule)
    columns = rules.person_values(rule)
    rows = _candidates(policy, within, rule, today).order_by("id").values(*columns)
    explain = rules.explainer(rule)
    return [
        Match(
            policy=policy.code,
            person=row["id"],
            household=row["household_id"],
            village=row["household__grid__village_id"],
            reasons=explain(row, today),
        )
        for row in rows
    ]


def policies_match(
    *, policy_code: str = "", within: str = "", today: date | None = None, outreach: bool = True
) -> list[Match]:
    """Match every active policy (or one) and open an outreach item for each new person."""
    today = today or _today()
    policies = active_policies(today)
    if policy_code:
        policies = policies.filter(code=policy_code)
        if not policies.exists():
            raise InvalidInput(_("No active policy with code %(code)s.") % {"code": policy_code})
    found: list[Match] = []
    for policy in policies:
        matches = policy_matches(policy, within=within, today=today)
        if outreach:
            _open_outreach(policy, matches)
        found += matches
    return found


def _open_outreach(policy: Policy, matches: list[Match]) -> None:
    """One item per new person; the same person found again keeps their item and outcome.

    Plain INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL): a first run over
    a county can open tens of thousands of items, too many for model instances.
    """
    known = set(Outreach.objects.filter(policy=policy).values_list("resident_id", flat=True))
    at = connection.ops.adapt_datetimefield_value(clock.now())
    rows = [
        (policy.pk, m.person, m.household, m.village, json.dumps(m.reasons), Outcome.OPEN, "", at)
        for m in matches
        if m.person not in known
    ]
    table = Outreach._meta.db_table
    head = (
        f"INSERT INTO {table} (policy_id, resident_id, household_id, village_id, reasons,"  # noqa: S608
        " outcome, outcome_note, created_at) VALUES "
    )
    # Multi-row VALUES, 500 rows a statement: one round trip each on PostgreSQL too.
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            params = [value for row in chunk for value in row]
            cursor.execute(head + values + " ON CONFLICT DO NOTHING", params)


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
                policy_id=item.policy_id, resident_id=item.resident_id, defaults={"since": _today()}
            )
    return item


def policy_save(*, by: User, code: str, scope: str, rule: rules.Rule, **fields: Any) -> Policy:
    """Create or update a policy; the rule is checked before anything is written."""
    if by.role not in AUTHOR_ROLES and not by.is_superuser:
        raise NotAllowed(_("Only county staff and administrators edit the policy library."))
    if not by.is_superuser and not scope.startswith(by.jurisdiction):
        raise NotAllowed(_("The policy must apply inside your area."))
    rules.validate_rule(rule)
    for name in POLICY_TEXT_FIELDS:
        if not str(fields.get(name, "")).strip():
            raise InvalidInput(_("This field is required."), field=name)
    if fields.get("valid_to") and fields["valid_to"] < fields["valid_from"]:
        raise InvalidInput(_("Valid-to must not be before valid-from."), field="valid_to")
    policy, _created = Policy.objects.update_or_create(
        code=code, defaults={"scope": scope, "rule": rule, **fields}
    )
    return policy
