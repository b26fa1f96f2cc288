from datetime import date

import pytest
from knowledge_data import pension_document

from jiceng.cases.models import Category
from jiceng.cases.services import case_consult
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.knowledge.models import Passage, VettedAnswer
from jiceng.knowledge.services import answer_approve, document_save

from factories import TIANZHU, resolved

pytestmark = pytest.mark.django_db


def consultation(users, *, phone_in_answer: bool = False):
    extra = "，也可以打13812345678问我" if phone_in_answer else ""
    return case_consult(
        category=Category.objects.get(code="social_security"),
        question="城乡居民医保今年什么时候截止缴费？",
        answer="截止到12月31日，可通过浙里办或村便民服务中心缴纳" + extra,
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )


def test_saving_a_document_makes_one_passage_per_article(places):
    document = pension_document()
    assert list(document.passages.values_list("article", flat=True)) == [
        "",
        "第一条",
        "第二条",
        "第三条",
    ]


def test_saving_a_document_again_replaces_its_passages(places):
    document = pension_document()
    document.full_text = "第一条 只有一条。"
    document_save(document=document)
    assert list(document.passages.values_list("text", flat=True)) == ["第一条 只有一条。"]


def test_a_document_cannot_expire_before_it_takes_effect(places):
    with pytest.raises(InvalidInput) as error:
        pension_document(expires_on=date(2024, 1, 1))
    assert error.value.field == "expires_on"


def test_a_dispatcher_approves_a_consultations_answer_with_phone_numbers_masked(users, monday):
    case = consultation(users, phone_in_answer=True)
    vetted = answer_approve(case=case, by=users["dispatcher"])
    assert "13812345678" not in vetted.answer
    assert Passage.objects.get(answer=vetted).scope == "330681"


def test_a_village_cadre_cannot_approve_an_answer(users, monday):
    with pytest.raises(NotAllowed):
        answer_approve(case=consultation(users), by=users["cadre"])
    assert not VettedAnswer.objects.exists()


def test_only_a_consultations_answer_is_approved_not_a_requests(users, monday):
    with pytest.raises(InvalidInput):
        answer_approve(case=resolved(users), by=users["dispatcher"])


def test_an_answer_is_approved_once(users, monday):
    case = consultation(users)
    answer_approve(case=case, by=users["dispatcher"])
    with pytest.raises(InvalidInput):
        answer_approve(case=case, by=users["dispatcher"])
