"""Shared fixtures: a small real-coded county and one named user per role.

Places are real NBS codes of 诸暨市: the village cadre works in 天竺社区 of
枫桥镇; the outsider works in 暨阳街道, another township of the same county.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation
from pytest_django import Settings

from jiceng.cases.models import Category, DispatchRule, Tier
from jiceng.core import clock, memo
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level

from factories import BAISHU, FENGQIAO, JIANGDONG, JIYANG, MONDAY, TIANZHU, local


@pytest.fixture(autouse=True)
def _nothing_kept() -> Iterator[None]:
    """Every test starts with empty caches: each builds its own places, units and keys.

    The one place tests clear caches: every per-process memo (jiceng.core.memo) and
    Django's cache (rates, dashboards, Open311 answers, throttles).
    """
    memo.forget_all()
    cache.clear()
    yield
    memo.forget_all()
    cache.clear()


@pytest.fixture(scope="session")
def _outbox_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outbox")


@pytest.fixture(autouse=True)
def _outbox_in_tmp(settings: Settings, _outbox_dir: Path) -> Iterator[None]:
    """The demo's file channels write under a temporary folder, never the checkout."""
    settings.JICENG_OUTBOX_DIR = _outbox_dir
    settings.JICENG_SMS_BACKEND, settings.JICENG_EMAIL_BACKEND = "file", "file"
    settings.JICENG_NOTICE_BACKENDS = {
        "sms": "jiceng.notices.channels.files.SmsFileBackend",
        "email": "jiceng.notices.channels.files.EmailFileBackend",
    }
    yield


@pytest.fixture(autouse=True)
def _english(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests run in English, the source language, so they can assert the words in the code.

    zh-Hans is the product's default (compiled catalogue in jiceng/locale); a test that
    checks the Chinese pages asks for the ``chinese`` fixture instead. Setting
    LANGUAGE_CODE (not only activating) also covers requests from the test client and
    the live server, which send no Accept-Language header; the environment variable
    covers commands that tests run in a subprocess.
    """
    settings.LANGUAGE_CODE = "en"
    monkeypatch.setenv("JICENG_LANGUAGE", "en")
    with translation.override("en"):
        yield


@pytest.fixture
def chinese(settings: Settings) -> Iterator[None]:
    """The product default: zh-Hans for visitors who state no preference."""
    settings.LANGUAGE_CODE = "zh-hans"
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def places(db: None) -> dict[str, Division]:
    rows = [
        ("33", "浙江省", Level.PROVINCE, None),
        ("3306", "绍兴市", Level.CITY, "33"),
        ("330681", "诸暨市", Level.COUNTY, "3306"),
        (FENGQIAO, "枫桥镇", Level.TOWNSHIP, "330681"),
        (TIANZHU, "天竺社区居委会", Level.VILLAGE, FENGQIAO),
        (BAISHU, "百树社区居委会", Level.VILLAGE, FENGQIAO),
        (JIYANG, "暨阳街道", Level.TOWNSHIP, "330681"),
        (JIANGDONG, "江东社区", Level.VILLAGE, JIYANG),
    ]
    return {
        code: Division.objects.create(code=code, name=name, level=level, parent_id=parent)
        for code, name, level, parent in rows
    }


def _user(username: str, role: str, unit: Unit | None) -> User:
    return User.objects.create_user(username=username, password="pw", role=role, unit=unit)


@pytest.fixture
def org(places: dict[str, Division]) -> dict[str, Unit]:
    county = places["330681"]
    water = Unit.objects.create(
        kind=UnitKind.DEPARTMENT, name="诸暨市水务集团", division=county, slug="water"
    )
    DispatchRule.objects.create(
        county=county, category=Category.objects.get(code="utilities"), tier=Tier.COUNTY, unit=water
    )
    return {
        "centre": ensure_unit(county, UnitKind.DISPATCH, active=True),
        "county": ensure_unit(county),
        "fengqiao": ensure_unit(places[FENGQIAO]),
        "tianzhu": ensure_unit(places[TIANZHU]),
        "baishu": ensure_unit(places[BAISHU]),
        "jiyang": ensure_unit(places[JIYANG]),
        "jiangdong": ensure_unit(places[JIANGDONG]),
        "water": water,
    }


@pytest.fixture
def users(org: dict[str, Unit]) -> dict[str, User]:
    return {
        "dispatcher": _user("dispatcher", Role.DISPATCHER, org["centre"]),
        "cadre": _user("cadre", Role.VILLAGE_CADRE, org["tianzhu"]),
        "grid_worker": _user("grid", Role.GRID_WORKER, org["tianzhu"]),
        "neighbour_cadre": _user("neighbour", Role.VILLAGE_CADRE, org["baishu"]),
        "township": _user("township", Role.TOWNSHIP_STAFF, org["fengqiao"]),
        "outsider": _user("outsider", Role.TOWNSHIP_STAFF, org["jiyang"]),
        "outsider_cadre": _user("outsider_cadre", Role.VILLAGE_CADRE, org["jiangdong"]),
        "water": _user("water", Role.DEPARTMENT_STAFF, org["water"]),
        "leader": _user("leader", Role.LEADER, org["county"]),
        "admin": User.objects.create_superuser(username="admin", password="pw", role=Role.ADMIN),
        "resident": _user("resident", Role.RESIDENT, None),
    }


@pytest.fixture
def monday() -> Iterator[datetime]:
    moment = local(*MONDAY)
    with clock.frozen_at(moment):
        yield moment
