"""Staff search, a document's page, the public 政策解读 pages: what each shows, and to whom."""

import pytest
from django.test import Client
from knowledge_data import pension_document

pytestmark = pytest.mark.django_db


def _as(client, users, who):
    client.force_login(users[who])
    return client


def test_staff_find_the_article_that_answers_a_question(client, users):
    pension_document()
    page = _as(client, users, "cadre").get("/workbench/knowledge/", {"q": "按月领取养老金"})
    text = page.content.decode()
    assert "诸人社发〔2025〕12号 第二条" in text
    assert "累计缴费满15年" in text


def test_a_search_that_matches_nothing_says_so(client, users):
    pension_document()
    page = _as(client, users, "cadre").get("/workbench/knowledge/", {"q": "宠物狗"})
    assert "Not found in the knowledge base" in page.content.decode()


def test_an_outsider_does_not_see_a_townships_own_document(client, users):
    document = pension_document(scope="330681109", number="枫政发〔2025〕1号")
    outsider = _as(Client(), users, "outsider")
    found = outsider.get("/workbench/knowledge/", {"q": "按月领取养老金"}).content.decode()
    assert "枫政发" not in found
    assert outsider.get(f"/workbench/knowledge/documents/{document.pk}/").status_code == 404
    cadre = _as(client, users, "cadre").get(f"/workbench/knowledge/documents/{document.pk}/")
    assert "枫政发〔2025〕1号" in cadre.content.decode()


def test_a_resident_account_cannot_open_the_staff_search(client, users):
    pension_document()
    page = _as(client, users, "resident").get("/workbench/knowledge/", {"q": "养老金"})
    assert page.status_code == 403
    assert "累计缴费" not in page.content.decode()


def test_residents_read_the_plain_summary_and_find_a_document_by_search(client, places):
    document = pension_document()
    listed = client.get("/policies/", {"q": "养老金"}).content.decode()
    assert f"/policies/{document.pk}/" in listed
    assert "年满60岁、交满15年" in listed
    page = client.get(f"/policies/{document.pk}/").content.decode()
    assert "In plain words" in page
    assert "诸人社发〔2025〕12号" in page


def test_an_unpublished_document_is_neither_listed_nor_shown_to_residents(client, places):
    document = pension_document(published=False)
    assert "诸暨市城乡居民" not in client.get("/policies/", {"q": "养老金"}).content.decode()
    assert "诸暨市城乡居民" not in client.get("/policies/").content.decode()
    assert client.get(f"/policies/{document.pk}/").status_code == 404


def test_document_text_is_escaped_on_every_page(client, users):
    document = pension_document(title="<script>alert(1)</script>办法", summary="<b>粗</b>")
    staff_page = f"/workbench/knowledge/documents/{document.pk}/"
    for url in (f"/policies/{document.pk}/", "/policies/", staff_page):
        text = _as(client, users, "cadre").get(url).content.decode()
        assert "<script>alert(1)" not in text
        assert "&lt;script&gt;" in text


def test_the_public_page_is_in_chinese_by_default(client, places, chinese):
    pension_document()
    assert "政策解读" in client.get("/policies/").content.decode()
