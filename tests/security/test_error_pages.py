"""Errors Django answers itself (no such page, wrong method, a body too large) come in
the surface's own shape: API JSON, Open311's error list, a localised web page."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from django.test import Client

from jiceng.cases.models import Case

pytestmark = pytest.mark.django_db
TEN_MB = 10 * 1024 * 1024


def test_an_unknown_api_address_is_a_json_404(client: Client) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and response.json()["message"]


def test_a_wrong_method_on_open311_is_a_405_in_the_spec_format(client: Client) -> None:
    response = client.delete("/open311/v2/requests.json")
    assert response.status_code == 405 and response["Allow"] == "GET, POST"
    (error,) = response.json()
    assert error["code"] == 405 and "DELETE" in error["description"]
    response = client.post("/open311/discovery.xml")
    assert response.status_code == 405 and response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)  # noqa: S314 — our own output
    assert root.tag == "errors" and root.findtext("error/code") == "405"


def test_an_unknown_page_is_a_localised_page_with_a_way_home(client: Client, chinese: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and 'href="/"' in page and "返回首页" in page


def test_a_10_mb_body_is_413_in_each_surface(client: Client, org: object) -> None:
    body = b'{"description": "' + b"a" * TEN_MB + b'"}'
    response = client.post("/api/v1/public/cases", body, content_type="application/json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    form = b"description=" + b"a" * TEN_MB
    kind = "application/x-www-form-urlencoded"
    response = client.post("/open311/v2/requests.xml", form, content_type=kind)
    assert response.status_code == 413 and response["Content-Type"].startswith("text/xml")
    response = client.post("/submit/", form, content_type=kind)
    assert response.status_code == 413 and "too large" in response.content.decode()
    assert not Case.objects.exists()
