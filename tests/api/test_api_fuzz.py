"""Schemathesis fuzzes the native API from its own OpenAPI document, in process.

The budget is small so it fits CI (set JICENG_FUZZ_EXAMPLES for a larger run):
every operation must answer without a 5xx, with a declared status code,
content type and body shape.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("JICENG_FUZZ_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    # The WSGI handler closes "old" connections around each request; Django's own test
    # client switches that off, and so must we, or PostgreSQL loses the test transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_documented(
    case: schemathesis.Case, keys: dict[str, str], monday: object, _keep_the_test_connection: None
) -> None:
    case.call_and_validate(headers={"X-API-Key": keys["dispatcher"]}, checks=CHECKS)
