"""The case admin: read-only, and the text typed by residents shown masked."""

from __future__ import annotations

import pytest
from django.test import Client

from factories import dispatched

pytestmark = pytest.mark.django_db


def test_the_admin_shows_phones_names_and_house_numbers_typed_into_a_case_masked(users, monday):
    case = dispatched(
        users,
        title="我叫李秀英，电话13987654321",
        description="我叫李秀英，电话13987654321，路灯坏了",
        address="新街村3栋2单元501室",
    )
    client = Client()
    client.force_login(users["admin"])
    page = client.get(f"/admin/cases/case/{case.pk}/change/").content.decode()
    assert "我叫李**，电话139****4321，路灯坏了" in page and "新街村**" in page
    for secret in ("13987654321", "李秀英", "501室"):
        assert secret not in page, secret
