"""Native API: resolving records the optional root cause, as the workbench does."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from jiceng.cases.models import Case, State
from jiceng.cases.rootcauses import choices
from jiceng.people.models import User

from factories import accepted

pytestmark = pytest.mark.django_db


def _resolve(client: Client, key: str, case: Case, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/v1/cases/{case.number}/resolve",
        json.dumps({"answer": "已更换路灯。", **body}),
        content_type="application/json",
        headers={"X-API-Key": key},
    )


def _resolve_data(case: Case) -> dict[str, Any]:
    return dict(Case.objects.get(pk=case.pk).events.get(kind="resolve").data or {})


def test_the_root_cause_and_its_explanation_are_kept_with_the_resolution(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    assert "ageing_facility" in dict(choices(case.category_id))
    body = {"root_cause": "ageing_facility", "root_cause_text": "路灯用了  十五年"}
    response = _resolve(client, keys["cadre"], case, body)
    assert response.status_code == 200 and response.json()["state"] == "resolved"
    data = _resolve_data(case)
    assert (data["root_cause"], data["root_cause_text"]) == ("ageing_facility", "路灯用了 十五年")


def test_without_a_root_cause_the_resolution_records_none(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    assert _resolve(client, keys["cadre"], case, {}).json()["state"] == "resolved"
    assert "root_cause" not in _resolve_data(case)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"root_cause": "bad_luck"}, "root_cause"),
        ({"root_cause": "wage_arrears"}, "root_cause"),  # another category's cause
        ({"root_cause_text": "没有原因代码"}, "root_cause"),
    ],
)
def test_an_unknown_root_cause_is_a_422_naming_the_field_and_changes_nothing(
    client: Client,
    keys: dict[str, str],
    users: dict[str, User],
    monday: datetime,
    body: dict[str, str],
    field: str,
) -> None:
    case = accepted(users)
    response = _resolve(client, keys["cadre"], case, body)
    assert response.status_code == 422
    error = response.json()
    assert (error["code"], error["field"]) == ("invalid", field)
    assert "root cause" in error["message"]
    assert Case.objects.get(pk=case.pk).state == State.ACCEPTED


def test_the_outsider_cannot_resolve_with_a_root_cause(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    response = _resolve(client, keys["outsider"], case, {"root_cause": "ageing_facility"})
    assert response.status_code == 403 and "村口" not in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == State.ACCEPTED
    assert not Case.objects.get(pk=case.pk).events.filter(kind="resolve").exists()


def test_the_openapi_schema_shows_the_root_cause_fields(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ResolveIn"]
    fields = schema["properties"]
    assert schema["required"] == ["answer"]
    assert "category" in fields["root_cause"]["description"]
    assert fields["root_cause_text"]["maxLength"] == 300
