"""Each transition stays its own documented endpoint, with its own body, after the refactor."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
BODIES = {
    "dispatch": "DispatchIn",
    "accept": None,
    "return": "ReasonIn",
    "escalate": "ReasonIn",
    "resolve": "ResolveIn",
    "reply": "ReplyIn",
    "rate": "RateIn",
    "reopen": "ReasonIn",
    "merge": "MergeIn",
}


def test_every_transition_is_an_explicit_operation_with_its_own_body(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for action, body in BODIES.items():
        operation = paths[f"/api/v1/cases/{{number}}/{action}"]["post"]
        name = "return_" if action == "return" else action
        assert operation["operationId"] == f"jiceng_api_native_{name}"
        assert operation["description"]  # says what the transition is for
        assert set(operation["responses"]) == {"200", "401", "403", "404", "409", "422"}
        schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
        reference = schema.get("schema", {}).get("$ref", "")
        assert reference.rsplit("/", 1)[-1] == (body or "")
