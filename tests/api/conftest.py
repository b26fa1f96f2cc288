"""Fixtures for the API tests: keys of several roles, made through the real service."""

from __future__ import annotations

import pytest

from jiceng.api.services import apikey_create
from jiceng.people.models import Role, Unit

from factories import JIYANG, TIANZHU


@pytest.fixture
def keys(org: dict[str, Unit]) -> dict[str, str]:
    """Clear-text keys: an intake integration, a dispatcher's, a village's and an outsider's."""
    made = {
        "intake": apikey_create(name="wechat", role=Role.RESIDENT, jurisdiction="330681"),
        "dispatcher": apikey_create(name="hotline", role=Role.DISPATCHER, jurisdiction="330681"),
        "cadre": apikey_create(name="tianzhu", role=Role.VILLAGE_CADRE, jurisdiction=TIANZHU),
        "outsider": apikey_create(name="jiyang", role=Role.TOWNSHIP_STAFF, jurisdiction=JIYANG),
    }
    return {name: raw for name, (_key, raw) in made.items()}
