"""The 403, 404 and 500 pages: styled, in the visitor's language, each with a way back."""

import pytest
from django.test import RequestFactory

from jiceng.core.error_views import server_error

pytestmark = pytest.mark.django_db


def _styled_with_a_way_back(page: str) -> None:
    assert '<link rel="stylesheet" href="/static/web/jiceng.css">' in page
    assert '<a href="/">' in page and "<main" in page


def test_a_resident_on_a_staff_page_gets_a_page_with_a_way_out(client, users):
    client.force_login(users["resident"])
    response = client.get("/workbench/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 403 and "Not allowed" in page
    _styled_with_a_way_back(page)
    assert 'href="/login/"' in page  # staff can log in as themselves


def test_the_403_page_is_chinese_by_default(client, users, chinese):
    client.force_login(users["resident"])
    page = client.get("/workbench/").content.decode()
    assert 'lang="zh-Hans"' in page and "返回首页" in page


def test_a_missing_page_is_styled_in_english(client, db):
    response = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404 and "Page not found" in response.content.decode()
    _styled_with_a_way_back(response.content.decode())


def test_our_failure_is_styled_and_offers_to_try_again(db):
    request = RequestFactory().get("/board/", HTTP_ACCEPT_LANGUAGE="en")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500 and "Something went wrong" in page
    assert 'href="/board/"' in page  # try again
    _styled_with_a_way_back(page)
