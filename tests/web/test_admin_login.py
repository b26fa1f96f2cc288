"""The admin's login shares the staff login's limit on failed attempts."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _admin_login(client: Client, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": "admin", "password": password})


def test_the_admin_logs_in_with_the_right_password(client, users):
    assert _admin_login(client, "pw")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_eight_wrong_passwords_then_the_right_one_does_not_log_in(client, users):
    for _ in range(8):
        _admin_login(client, "wrong")
    response = _admin_login(client, "pw")
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    errors = response.context["form"].non_field_errors().as_data()
    assert "throttled" in {e.code for e in errors}


def test_failures_on_the_staff_login_count_against_the_admin_login(users):
    for n in range(5):
        Client(REMOTE_ADDR=f"10.9.0.{n}").post(
            "/login/", {"username": "admin", "password": "wrong"}
        )
    fresh = Client(REMOTE_ADDR="10.9.1.1")
    assert _admin_login(fresh, "pw").status_code == 200
    assert "_auth_user_id" not in fresh.session


def test_staff_who_are_not_admins_still_cannot_enter_the_admin(client, users):
    response = client.post("/admin/login/", {"username": "cadre", "password": "pw"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
