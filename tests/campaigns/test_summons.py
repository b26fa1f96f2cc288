"""吹哨报到: a township summons a county department onto a case, with its own clock."""

import pytest
from django.test import Client

from jiceng.campaigns import summons
from jiceng.campaigns.models import Summons
from jiceng.cases.models import CaseEvent, EventKind
from jiceng.core.errors import InvalidInput, NotAllowed

from factories import dispatched

pytestmark = pytest.mark.django_db


def _as(users, who):
    client = Client()
    client.force_login(users[who])
    return client


def test_the_township_summons_a_department_and_the_history_says_so(users, org, monday):
    case = dispatched(users)
    _as(users, "township").post(
        f"/workbench/summons/cases/{case.number}/",
        {"unit": org["water"].pk, "part": "检修供电线路", "days": "3"},
    )
    made = Summons.objects.get()
    assert (made.unit, made.part) == (org["water"], "检修供电线路")
    assert made.report_by < made.done_by
    note = CaseEvent.objects.filter(case=case, kind=EventKind.NOTE).get()
    assert "检修供电线路" in note.note


def test_the_department_reports_and_finishes_its_part_on_its_own_list(users, org, monday):
    case = dispatched(users)
    made = summons.summons_create(
        case=case, by=users["township"], unit=org["water"], part="检修", days=2
    )
    water = _as(users, "water")
    assert "检修" in water.get("/workbench/summons/").content.decode()
    water.post(f"/workbench/summons/{made.pk}/report/")
    water.post(f"/workbench/summons/{made.pk}/done/", {"result": "已更换线路"})
    made.refresh_from_db()
    assert made.reported_at is not None and made.result == "已更换线路"


def test_another_unit_cannot_answer_a_summons(users, org, monday):
    made = summons.summons_create(
        case=dispatched(users), by=users["township"], unit=org["water"], part="检修", days=2
    )
    assert _as(users, "cadre").post(f"/workbench/summons/{made.pk}/report/").status_code == 404
    with pytest.raises(NotAllowed):
        summons.summons_report(summons=made, by=users["cadre"])


def test_only_a_department_can_be_summoned_and_only_by_the_township(users, org, monday):
    case = dispatched(users)
    with pytest.raises(InvalidInput):
        summons.summons_create(
            case=case, by=users["township"], unit=org["tianzhu"], part="x", days=2
        )
    with pytest.raises(NotAllowed):
        summons.summons_create(case=case, by=users["outsider"], unit=org["water"], part="x", days=2)


def test_an_outsider_cannot_see_a_cases_summonses(users, org, monday):
    case = dispatched(users)
    summons.summons_create(case=case, by=users["township"], unit=org["water"], part="检修", days=2)
    assert _as(users, "outsider").get(f"/workbench/summons/cases/{case.number}/").status_code == 404
