"""Policies find people: who qualifies for a policy and is not receiving it yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from jiceng.core import clock
from jiceng.people.health import HealthDecryptor
from jiceng.people.models import Resident
from jiceng.policies import rules
from jiceng.policies.models import Benefit, Policy


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


def local_today() -> date:
    return timezone.localdate(clock.now())


def active_policies(today: date | None = None) -> Any:
    today = today or local_today()
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
    today = today or local_today()
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
