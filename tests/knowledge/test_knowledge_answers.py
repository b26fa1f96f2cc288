"""Cited answers on a case and at the desk, and approving an answer: sources, scope, CSRF."""

import pytest
from django.test import Client
from knowledge_data import medical_document, pension_document

from jiceng.cases.models import Category
from jiceng.cases.services import case_consult
from jiceng.knowledge.models import VettedAnswer

from factories import JIANGDONG, TIANZHU, submit

pytestmark = pytest.mark.django_db
QUESTION = "城乡居民养老金要到多少岁才能领？要交满几年？"


def _as(client, users, who):
    client.force_login(users[who])
    return client


def _consult(users, question=QUESTION, answer="年满60周岁、累计缴费满15年即可按月领取养老金。"):
    return case_consult(
        category=Category.objects.get(code="social_security"),
        question=question,
        answer=answer,
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )


def test_a_case_gets_the_article_that_answers_it_with_number_and_article(client, users, monday):
    pension_document()
    medical_document()
    asked = "我父亲年满60周岁了，累计缴费满15年，能不能按月领取养老金？"
    case = submit(users, category="social_security", description=asked)
    page = _as(client, users, "cadre").get(f"/workbench/knowledge/cases/{case.number}/")
    assert "诸人社发〔2025〕12号 第二条" in page.content.decode()


def test_a_case_with_nothing_matching_says_not_found(client, users, monday):
    pension_document()
    case = submit(users)  # a broken street light
    page = _as(client, users, "cadre").get(f"/workbench/knowledge/cases/{case.number}/")
    assert "Not found in the knowledge base" in page.content.decode()


def test_the_knowledge_base_not_found_message_is_chinese_by_default(client, users, monday, chinese):
    case = submit(users)
    page = _as(client, users, "cadre").get(f"/workbench/knowledge/cases/{case.number}/")
    assert "知识库中未找到" in page.content.decode()


def test_an_approved_answer_is_proposed_with_its_case_number(client, users, monday):
    old = _consult(users)
    dispatcher = _as(client, users, "dispatcher")
    dispatcher.post(f"/workbench/knowledge/cases/{old.number}/approve/")
    assert VettedAnswer.objects.filter(case=old).exists()
    page = dispatcher.get("/workbench/knowledge/desk/", {"description": QUESTION})
    assert old.number in page.content.decode()


def test_an_outsider_gets_nothing_for_a_case_outside_their_area(users, monday):
    case = submit(users, category="social_security", description=QUESTION)
    outsider = _as(Client(), users, "outsider")
    assert outsider.get(f"/workbench/knowledge/cases/{case.number}/").status_code == 404


def test_a_past_case_the_user_may_not_see_is_not_proposed(users, monday):
    old = _consult(users)
    case = submit(users, category="social_security", description=QUESTION, village=JIANGDONG)
    # The consultation of 天竺 is proposed to the dispatcher, not to a cadre of 江东.
    url = f"/workbench/knowledge/cases/{case.number}/"
    assert old.number in _as(Client(), users, "dispatcher").get(url).content.decode()
    page = _as(Client(), users, "outsider_cadre").get(url).content.decode()
    assert "Cited answers" in page
    assert old.number not in page


def test_approving_needs_a_csrf_token_and_a_dispatcher(users, monday):
    case = _consult(users)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["dispatcher"])
    assert strict.post(f"/workbench/knowledge/cases/{case.number}/approve/").status_code == 403
    cadre = _as(Client(), users, "cadre")
    assert cadre.post(f"/workbench/knowledge/cases/{case.number}/approve/").status_code == 403
    assert not VettedAnswer.objects.exists()


def test_the_desk_proposals_are_for_dispatchers_only(users, monday):
    cadre = _as(Client(), users, "cadre")
    assert cadre.get("/workbench/knowledge/desk/", {"description": QUESTION}).status_code == 403


def test_the_dispatcher_is_offered_to_approve_a_consultations_answer_only(users, monday):
    consultation = _consult(users)
    request = submit(users)
    dispatcher = _as(Client(), users, "dispatcher")
    offered = dispatcher.get(f"/workbench/knowledge/cases/{consultation.number}/").content.decode()
    assert f"/workbench/knowledge/cases/{consultation.number}/approve/" in offered
    other = dispatcher.get(f"/workbench/knowledge/cases/{request.number}/").content.decode()
    assert "/approve/" not in other
