"""Tripwire: column_bounds reads the conditions Django's query tree holds for a column."""

from __future__ import annotations

import pytest
from django.db.models import Q

from jiceng.cases.models import Case
from jiceng.core.fast.where import alternatives, column_bounds, column_values

pytestmark = pytest.mark.django_db


def test_a_range_and_a_prefix_are_read_from_plain_filters():
    cases = Case.objects.filter(division__gte="330681109", division__lt="330681110").filter(
        division__code__startswith="330681109"
    )
    bounds = column_bounds(cases, "division_id")
    assert (bounds.lowest, bounds.highest) == ("330681109", "330681110")
    assert bounds.prefixes == ["330681109"]


def test_the_narrowest_of_several_bounds_is_kept():
    cases = Case.objects.filter(division__gte="3306", division__lt="3307").filter(
        division__gte="330681", division__lt="330682"
    )
    bounds = column_bounds(cases, "division_id")
    assert (bounds.lowest, bounds.highest) == ("330681", "330682")


def test_conditions_under_or_or_not_and_on_other_columns_are_ignored():
    either = Q(division__gte="330681") | Q(number="1")
    cases = Case.objects.filter(either).exclude(division__lt="330681").filter(number__gte="2")
    bounds = column_bounds(cases, "division_id")
    assert (bounds.lowest, bounds.highest, bounds.prefixes) == ("", "", [])


def test_a_condition_on_a_joined_tables_column_is_not_taken_for_the_cases():
    cases = Case.objects.filter(owner__division__gte="330681")
    assert column_bounds(cases, "division_id").lowest == ""


def test_the_branches_of_an_or_clause_are_read_one_by_one():
    either = Q(owner_id=7) | Q(division__code__startswith="330681", number__gte="2")
    cases = Case.objects.filter(either).filter(division__gte="33")
    [branches] = alternatives(cases)
    assert [column_values(cases, "owner_id", branch) for branch in branches] == [[7], []]
    assert [column_bounds(cases, "division_id", b).prefixes for b in branches] == [[], ["330681"]]


def test_a_negated_or_clause_has_no_branches_to_read():
    assert alternatives(Case.objects.exclude(Q(owner_id=7) | Q(number="1"))) == []
    assert alternatives(Case.objects.filter(owner_id=7)) == []
    assert column_values(Case.objects.filter(owner_id=7), "owner_id") == [7]
