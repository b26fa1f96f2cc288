"""zh-Hans is what a visitor with no stated preference gets; the switch gives English and back.

These tests use the ``chinese`` fixture (tests/conftest.py): the rest of the suite runs in
English so that it can assert the source strings.
"""

import pytest

pytestmark = pytest.mark.django_db


def _switch(client, language, next_url="/"):
    return client.post("/i18n/setlang/", {"language": language, "next": next_url})


def test_a_visitor_with_no_preference_gets_the_portal_in_chinese(client, chinese):
    page = client.get("/").content.decode()
    assert '<html lang="zh-Hans">' in page
    for text in ["反映问题", "工作人员登录", "跳到正文"]:
        assert text in page, text
    assert "Report a problem" not in page and "Staff login" not in page
    # The switch offers English, labelled in English for those who need it.
    assert 'name="language" value="en" lang="en">English</button>' in page


def test_staff_pages_are_chinese_by_default_too(client, users, chinese):
    client.force_login(users["cadre"])
    page = client.get("/workbench/").content.decode()
    assert '<html lang="zh-Hans">' in page and "我的待办" in page and "My queue" not in page


def test_the_switch_sets_english_and_then_back_to_chinese(client, chinese):
    response = _switch(client, "en", "/submit/")
    assert response.status_code == 302 and response["Location"] == "/submit/"
    english = client.get("/submit/").content.decode()
    assert '<html lang="en">' in english and "Skip to content" in english
    assert 'value="zh-hans" lang="zh-Hans">中文</button>' in english
    _switch(client, "zh-hans")
    chinese_again = client.get("/submit/").content.decode()
    assert '<html lang="zh-Hans">' in chinese_again and "跳到正文" in chinese_again


def test_the_switch_refuses_to_send_the_visitor_off_site(client, chinese):
    response = _switch(client, "en", "https://evil.example/")
    assert response.status_code == 302 and "evil.example" not in response["Location"]


def test_a_browser_asking_for_english_gets_english_without_the_switch(client, chinese):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="en">' in page and "Report a problem" in page


def test_form_errors_are_in_chinese_by_default(client, db, chinese):
    page = client.post("/submit/", {"description": ""}).content.decode()
    assert '<html lang="zh-Hans">' in page and "请选择问题所属的类别。" in page
    assert "请填写电话号码，以便承办单位联系您。" in page
