"""API keys: created once, stored hashed, scoped by role and jurisdiction, revocable."""

from __future__ import annotations

import pytest

from jiceng.api.models import ApiKey
from jiceng.api.services import apikey_create, apikey_revoke, apikey_user
from jiceng.cli import main
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Role, Unit

from factories import TIANZHU

pytestmark = pytest.mark.django_db


def test_a_key_is_stored_only_as_a_hash_and_acts_with_its_role_and_unit(
    org: dict[str, Unit],
) -> None:
    key, raw = apikey_create(name="hotline", role=Role.DISPATCHER, jurisdiction="330681")
    stored = ApiKey.objects.get(pk=key.pk)
    assert raw not in (stored.key_hash, stored.prefix)
    user = apikey_user(raw)
    assert user is not None
    assert (user.role, user.unit) == (Role.DISPATCHER, org["centre"])
    assert not user.has_usable_password()


def test_a_revoked_or_altered_key_authenticates_nobody(org: dict[str, Unit]) -> None:
    _key, raw = apikey_create(name="tianzhu", role=Role.VILLAGE_CADRE, jurisdiction=TIANZHU)
    assert apikey_user(raw[:-1] + ("A" if raw[-1] != "A" else "B")) is None
    apikey_revoke(name="tianzhu")
    assert apikey_user(raw) is None


def test_a_key_used_before_is_refused_at_once_after_its_revocation(org: dict[str, Unit]) -> None:
    # The process keeps the key's service user, but reads the key's row every time.
    _key, raw = apikey_create(name="hotline", role=Role.DISPATCHER, jurisdiction="330681")
    assert apikey_user(raw) is not None
    apikey_revoke(name="hotline")
    assert apikey_user(raw) is None


def test_a_change_to_the_keys_user_is_seen_on_the_next_request(org: dict[str, Unit]) -> None:
    key, raw = apikey_create(name="tianzhu", role=Role.VILLAGE_CADRE, jurisdiction=TIANZHU)
    first = apikey_user(raw)
    assert first is not None and first.jurisdiction == TIANZHU
    first.role = Role.ADMIN  # a request changing its own copy changes nobody else's
    user = key.user
    user.unit = org["fengqiao"]
    user.save(update_fields=["unit"])
    moved = apikey_user(raw)
    assert moved is not None
    assert (moved.role, moved.jurisdiction) == (Role.VILLAGE_CADRE, org["fengqiao"].division_id)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert apikey_user(raw) is None


@pytest.mark.parametrize(
    ("name", "role", "jurisdiction", "field"),
    [
        ("k", Role.ADMIN, "330681", "role"),
        ("k", Role.VILLAGE_CADRE, "330681", "jurisdiction"),
        ("k", Role.DISPATCHER, "999999", "jurisdiction"),
        ("", Role.DISPATCHER, "330681", "name"),
    ],
)
def test_keys_need_a_name_a_key_role_and_a_matching_jurisdiction(
    org: dict[str, Unit], name: str, role: str, jurisdiction: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        apikey_create(name=name, role=role, jurisdiction=jurisdiction)
    assert error.value.field == field
    assert not ApiKey.objects.exists()


def test_the_command_prints_the_key_once_and_revokes_it(
    org: dict[str, Unit], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "apikey",
        "create",
        "--name",
        "wechat",
        "--role",
        "resident",
        "--jurisdiction",
        "330681",
    ]
    assert main(args) == 0
    raw = capsys.readouterr().out.strip().splitlines()[-1]
    assert apikey_user(raw) is not None
    assert (
        main(
            [
                "apikey",
                "create",
                "--name",
                "wechat",
                "--role",
                "resident",
                "--jurisdiction",
                "330681",
            ]
        )
        == 1
    )
    assert "name" in capsys.readouterr().err
    assert main(["apikey", "revoke", "--name", "wechat"]) == 0
    assert apikey_user(raw) is None
    assert main(["apikey", "revoke", "--name", "wechat"]) == 1
