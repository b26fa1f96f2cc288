"""Resolving with a root cause: kept in the hash-chained resolve event, checked per category."""

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import CaseEvent, EventKind
from jiceng.cases.verification import verify
from jiceng.core.errors import InvalidInput

from factories import accepted

pytestmark = pytest.mark.django_db


def _resolve_event(case):
    return CaseEvent.objects.get(case=case, kind=EventKind.RESOLVE)


def test_a_root_cause_is_recorded_in_the_resolve_event_under_the_chain(users, monday):
    case = accepted(users)  # transport: a street light
    services.case_resolve(
        case=case,
        by=users["cadre"],
        answer="已更换路灯。",
        root_cause="ageing_facility",
        root_cause_text="  线路老化， 十年未换 ",
    )
    event = _resolve_event(case)
    assert event.data == {"root_cause": "ageing_facility", "root_cause_text": "线路老化， 十年未换"}
    assert list(verify()) == []
    # Changing the recorded cause afterwards breaks the chain.
    CaseEvent.objects.filter(pk=event.pk).update(data={"root_cause": "one_off"})
    assert [problem.seq for problem in verify()] == [event.seq]


def test_the_root_cause_is_optional(users, monday):
    case = accepted(users)
    services.case_resolve(case=case, by=users["cadre"], answer="已更换路灯。")
    assert _resolve_event(case).data == {}


def test_a_cause_outside_the_categorys_list_is_refused_and_nothing_is_written(users, monday):
    case = accepted(users)  # transport has no "wage arrears"
    with pytest.raises(InvalidInput) as error:
        services.case_resolve(
            case=case, by=users["cadre"], answer="已处理。", root_cause="wage_arrears"
        )
    assert error.value.field == "root_cause"
    assert not CaseEvent.objects.filter(case=case, kind=EventKind.RESOLVE).exists()


def test_an_explanation_without_a_cause_is_refused(users, monday):
    case = accepted(users)
    with pytest.raises(InvalidInput):
        services.case_resolve(
            case=case, by=users["cadre"], answer="已处理。", root_cause_text="说不清"
        )


def test_the_case_page_offers_the_categorys_causes_and_records_the_choice(users, monday):
    case = accepted(users)
    client = Client()
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/").content.decode()
    assert 'value="ageing_facility"' in page
    assert 'value="wage_arrears"' not in page
    client.post(
        f"/workbench/cases/{case.number}/resolve/",
        {"resolve-answer": "已更换路灯。", "resolve-root_cause": "construction"},
    )
    assert _resolve_event(case).data == {"root_cause": "construction"}
