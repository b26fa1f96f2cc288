"""``jiceng policies match``: its last stdout line is the JSON contract."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.cli import main
from jiceng.people.models import User
from jiceng.policies.models import Outreach

from factories import JIANGDONG, TIANZHU


@pytest.fixture
def county(users: dict[str, User], monday: object) -> dict[str, int]:
    grandma = member(household(), born=date(1940, 5, 1))
    uncle = member(household(JIANGDONG), born=date(1930, 5, 1), veteran=True)
    policy("elderly", ELDERLY)
    policy("veterans", {"field": "veteran", "op": "is", "value": True})
    return {"grandma": grandma.pk, "uncle": uncle.pk}


def _last_line(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    out = capsys.readouterr().out.strip().splitlines()
    return json.loads(out[-1])  # type: ignore[no-any-return]


def test_the_last_line_lists_policy_person_household_village_and_reasons(
    county: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policies", "match", "--format", "json"]) == 0
    rows = _last_line(capsys)
    assert {(r["policy"], r["person"]) for r in rows} == {
        ("elderly", county["grandma"]),
        ("elderly", county["uncle"]),
        ("veterans", county["uncle"]),
    }
    assert set(rows[0]) == {"policy", "person", "household", "village", "reasons"}
    assert Outreach.objects.count() == 3


def test_policy_and_division_narrow_the_run(
    county: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["policies", "match", "--policy", "elderly", "--division", TIANZHU, "--format", "json"])
    rows = _last_line(capsys)
    assert rows == [
        {
            "policy": "elderly",
            "person": county["grandma"],
            "household": rows[0]["household"],
            "village": TIANZHU,
            "reasons": ["aged 80 or over", "registered in 330681"],
        }
    ]


def test_an_unknown_policy_fails_with_an_empty_array_last(
    county: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policies", "match", "--policy", "nope"]) == 1
    assert _last_line(capsys) == []
