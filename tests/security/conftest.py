"""Fixtures for the request-path tests: API keys made through the real service."""

from __future__ import annotations

import pytest

from jiceng.api.services import apikey_create
from jiceng.people.models import Role, Unit


@pytest.fixture
def keys(org: dict[str, Unit]) -> dict[str, str]:
    """Clear-text keys: a resident intake integration's and a county dispatcher's."""
    made = {
        "intake": apikey_create(name="wechat", role=Role.RESIDENT, jurisdiction="330681"),
        "dispatcher": apikey_create(name="hotline", role=Role.DISPATCHER, jurisdiction="330681"),
    }
    return {name: raw for name, (_key, raw) in made.items()}
