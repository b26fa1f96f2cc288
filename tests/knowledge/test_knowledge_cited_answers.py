"""Documents cited by past replies, proposed at the desk with those replies as sources."""

import pytest
from django.test import Client
from knowledge_data import pension_document
from replies_data import replies_csv

from jiceng.cases.models import Category
from jiceng.cases.services import case_consult
from jiceng.knowledge.models import PastReply
from jiceng.knowledge.replies import read_rows, replies_import
from jiceng.people.models import Role, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level

from factories import JIANGDONG, TIANZHU, submit

pytestmark = pytest.mark.django_db
ASKED = "我今年满60周岁了，交了城乡居民养老保险，怎么领取养老金？"
PENSION = "《诸暨市城乡居民基本养老保险实施办法》（诸人社发〔2025〕12号）"


@pytest.fixture
def imported(places, tmp_path):
    replies_import(rows=read_rows(replies_csv(tmp_path)), scope="330681")


def _desk(user, question=ASKED):
    client = Client()
    client.force_login(user)
    return client.get("/workbench/knowledge/desk/", {"description": question}).content.decode()


def _dispatcher_of_another_county(places):
    shengzhou = Division.objects.create(
        code="330683", name="嵊州市", level=Level.COUNTY, parent_id="3306"
    )
    centre = ensure_unit(shengzhou, UnitKind.DISPATCH, active=True)
    return User.objects.create_user(
        username="shengzhou", password="pw", role=Role.DISPATCHER, unit=centre
    )


def test_the_desk_proposes_the_document_past_replies_cite_with_their_numbers(users, imported):
    page = _desk(users["dispatcher"])
    assert PENSION in page
    first = PastReply.objects.get(reference="3001")
    assert f'href="/workbench/knowledge/replies/{first.pk}/">Past reply 3001</a>' in page
    assert "可以按月领取养老金" in page  # the sentence of the reply that cites it


def test_a_dispatcher_of_another_county_gets_nothing_from_these_replies(users, places, imported):
    page = _desk(_dispatcher_of_another_county(places))
    assert "Not found in the knowledge base" in page
    assert "城乡居民基本养老保险实施办法" not in page
    assert "3001" not in page


def test_a_past_reply_is_shown_to_staff_of_its_county_only(users, places, imported):
    reply = PastReply.objects.get(reference="3001")
    url = f"/workbench/knowledge/replies/{reply.pk}/"
    client = Client()
    client.force_login(users["cadre"])
    page = client.get(url).content.decode()
    assert "累计缴费满15年" in page
    assert PENSION in page  # listed under the documents it cites
    client.force_login(_dispatcher_of_another_county(places))
    assert client.get(url).status_code == 404


def test_an_off_topic_question_says_not_found(users, imported, chinese):
    page = _desk(users["dispatcher"], "周末去哪里钓鱼比较好？推荐一下鱼竿。")
    assert "知识库中未找到" in page
    assert "《" not in page


def test_a_document_cited_only_by_a_case_the_user_may_not_see_is_not_proposed(users, monday):
    case_consult(
        category=Category.objects.get(code="social_security"),
        question=ASKED,
        answer=f"根据{PENSION}第二条，年满60周岁、累计缴费满15年的可以按月领取养老金。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )
    asked = submit(users, category="social_security", description=ASKED, village=JIANGDONG)
    url = f"/workbench/knowledge/cases/{asked.number}/"
    client = Client()
    client.force_login(users["dispatcher"])
    assert PENSION in client.get(url).content.decode()
    client.force_login(users["outsider_cadre"])
    page = client.get(url).content.decode()
    assert "Cited answers" in page
    assert "城乡居民基本养老保险实施办法" not in page


def test_a_cited_document_the_knowledge_base_holds_links_to_its_page(users, imported):
    document = pension_document()
    page = _desk(users["dispatcher"])
    assert f'<a href="/workbench/knowledge/documents/{document.pk}/">{PENSION}</a>' in page
