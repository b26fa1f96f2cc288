"""Policies find people: save a policy, match it, record what came of the outreach."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.fieldwork.scope import FIELD_ROLES
from jiceng.people.health import HealthDecryptor
from jiceng.people.models import Resident, Role, User
from jiceng.policies import rules
from jiceng.policies.models import (
    CLOSED_OUTCOMES,
    Benefit,
    Outcome,
    Outreach,
    Policy,
    PolicyRuleChange,
)

# Who may open a policy's rule page in their area; changing it is for its owner (below).
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
    condition = rules.to_q(rule, today)
    if condition is not None:
        people = people.filter(condition)
    return people.exclude(Exists(receiving))


class _Person(dict[str, Any]):
    """A fetched row whose health marks are decrypted only when a condition asks for them."""

    def __init__(self, row: dict[str, Any], decrypt: HealthDecryptor) -> None:
        super().__init__(row)
        self._decrypt = decrypt

    def __missing__(self, key: str) -> Any:
        if key != "health":
            raise KeyError(key)
        flags = self["health"] = self._decrypt(self["health_token"])
        return flags


def _rows(
    policy: Policy, within: str, rule: rules.Rule, today: date, decrypt: HealthDecryptor
) -> list[dict[str, Any]]:
    """The people who match; with health conditions, SQL narrows and Python decides."""
    columns = [c for c in rules.person_values(rule) if c != "health"]
    found = _candidates(policy, within, rule, today).order_by("id")
    if not rules.needs_health(rule):
        return list(found.values(*columns))
    # The raw ciphertext, so only the people a condition reaches are decrypted.
    found = found.annotate(health_token=Cast("health", output_field=TextField()))
    people = (_Person(row, decrypt) for row in found.values(*columns, "health_token"))
    return [person for person in people if rules.holds(rule, person, today)]


def policy_matches(
    policy: Policy,
    *,
    within: str = "",
    rule: rules.Rule | None = None,
    today: date | None = None,
    decrypt: HealthDecryptor | None = None,
) -> list[Match]:
    """People in ``within`` who qualify for the policy and are not recorded as receiving it."""
    today = today or _today()
    rule = policy.rule if rule is None else rule
    rules.validate_rule(rule)
    rows = _rows(policy, within, rule, today, decrypt or HealthDecryptor())
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
# PostgreSQL receives one array per column (no per-row placeholders to parse and plan).
_PG_ARRAY_TYPES = (
    "bigint",
    "bigint",
    "bigint",
    "varchar",
    "jsonb",
    "varchar",
    "varchar",
    "timestamptz",
)


def _open_outreach(policy: Policy, matches: list[Match]) -> None:
    """One item per new person; the same person found again keeps their item and outcome.

    People who already have an item are skipped with one query; the rest go in
    as a few large ``INSERT … ON CONFLICT DO NOTHING`` statements, so a
    concurrent run cannot open an item twice. Plain SQL on purpose: a first run
    over a county opens tens of thousands of items, and building a model
    instance and preparing each value through the ORM cost more than the insert.
    """
    rows = _outreach_rows(policy, matches)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _insert_arrays(cursor, rows)
        else:
            _insert_values(cursor, rows)


_OPEN = (Outcome.OPEN.value, "")


def _outreach_rows(policy: Policy, matches: list[Match]) -> list[tuple[Any, ...]]:
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


def _insert_head() -> str:
    return f"INSERT INTO {Outreach._meta.db_table} ({', '.join(OUTREACH_COLUMNS)}) "


def _insert_arrays(cursor: Any, rows: list[tuple[Any, ...]]) -> None:
    arrays = ", ".join(f"%s::{kind}[]" for kind in _PG_ARRAY_TYPES)
    sql = _insert_head() + f"SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING"  # noqa: S608
    for start in range(0, len(rows), 20_000):
        columns = zip(*rows[start : start + 20_000], strict=True)
        cursor.execute(sql, [list(column) for column in columns])


def _insert_values(cursor: Any, rows: list[tuple[Any, ...]]) -> None:
    # SQLite: multi-row VALUES, 500 rows (4,000 parameters) a statement.
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
        params = [value for row in chunk for value in row]
        sql = _insert_head() + "VALUES " + values + " ON CONFLICT DO NOTHING"
        cursor.execute(sql, params)


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


def is_policy_admin(user: User) -> bool:
    return bool(user.is_superuser or user.role == Role.ADMIN)


def may_author_rule(user: User, policy: Policy) -> bool:
    """Only the issuing department's staff and administrators decide who qualifies."""
    if is_policy_admin(user):
        return True
    return (
        user.role == Role.DEPARTMENT_STAFF
        and policy.owner_id is not None
        and user.unit_id == policy.owner_id
    )


def _check_author(by: User, policy: Policy) -> None:
    if not may_author_rule(by, policy):
        raise NotAllowed(
            _("Only the department that issued this policy and administrators may change it.")
        )


def policy_rule_set(*, policy: Policy, rule: rules.Rule, by: User) -> Policy:
    """Change who qualifies; the old and new rule are logged in the same transaction."""
    _check_author(by, policy)
    rules.validate_rule(rule)
    with transaction.atomic():
        # Locked, so two authors saving at once each log the rule they really replaced.
        current = Policy.objects.select_for_update().get(pk=policy.pk)
        if current.rule != rule:
            PolicyRuleChange.objects.create(
                policy=current, by=by, at=clock.now(), old_rule=current.rule, new_rule=rule
            )
            current.rule = rule
            current.save(update_fields=["rule"])
            _match_after_commit(current.code)
    policy.rule = current.rule
    return policy


def policy_save(*, by: User, code: str, scope: str, rule: rules.Rule, **fields: Any) -> Policy:
    """Create or update a policy; the rule is checked before anything is written.

    A department creates policies it owns; an administrator may name the owner.
    Only the owner and administrators change an existing policy, and a changed
    rule is logged like one changed in the rule builder.
    """
    if by.role != Role.DEPARTMENT_STAFF and not is_policy_admin(by):
        raise NotAllowed(_("Only county departments and administrators edit the policy library."))
    if not by.is_superuser and not scope.startswith(by.jurisdiction):
        raise NotAllowed(_("The policy must apply inside your area."))
    rules.validate_rule(rule)
    _check_fields(fields)
    if not is_policy_admin(by):
        fields["owner"] = by.unit
    with transaction.atomic():
        policy = Policy.objects.select_for_update().filter(code=code).first()
        if policy is None:
            _match_after_commit(code)
            return Policy.objects.create(code=code, scope=scope, rule=rule, **fields)
        _check_author(by, policy)
        fields.setdefault("owner", policy.owner)
        for name, value in {"scope": scope, **fields}.items():
            setattr(policy, name, value)
        policy.save(update_fields=["scope", *fields])
        return policy_rule_set(policy=policy, rule=rule, by=by)


def _check_fields(fields: dict[str, Any]) -> None:
    for name in POLICY_TEXT_FIELDS:
        if not str(fields.get(name, "")).strip():
            raise InvalidInput(_("This field is required."), field=name)
    if fields.get("valid_to") and fields["valid_to"] < fields["valid_from"]:
        raise InvalidInput(_("Valid-to must not be before valid-from."), field="valid_to")


def _match_after_commit(code: str) -> None:
    """Who qualifies changed: matching runs for this policy once the change commits."""
    from jiceng.policies.automatic import rule_saved  # automatic imports this module

    rule_saved(code)
