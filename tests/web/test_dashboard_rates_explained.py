"""The page that explains how the rates are counted, linked from the dashboard's rate tables."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _get(client, user):
    client.force_login(user)
    return client.get("/dashboard/rates/")


def test_a_leader_reads_the_rules_with_the_deployments_own_settings(client, users, settings):
    settings.JICENG_RANKING_MIN_RATED = 12
    settings.JICENG_SCORE_WEIGHTS = (40, 30, 30)
    page = _get(client, users["leader"]).content.decode()
    assert "<h1>How the rates are counted</h1>" in page
    assert "fewer than 12 ratings in the month is shown as too few ratings" in page
    assert "Composite score = 40% response rate + 30% resolution rate" in page
    assert "8 of 10 is 80.0% with an interval of 49.0–94.3%" in page
    assert "counts for the county, never for the village" in page


def test_the_page_is_in_chinese_by_default(client, users, chinese):
    page = _get(client, users["township"]).content.decode()
    assert "响应率、解决率、满意率怎么算" in page
    assert "样本不足" in page


@pytest.mark.parametrize("role", ["cadre", "dispatcher", "water", "resident"])
def test_roles_without_the_dashboard_are_refused(client, users, role):
    response = _get(client, users[role])
    assert response.status_code == 403
    assert "Wilson" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = Client().get("/dashboard/rates/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
