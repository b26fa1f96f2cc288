"""``jiceng keys``: the operator's side of a rotation."""

import pytest

from jiceng.cli import main
from jiceng.core import crypto
from jiceng.people.models import Resident

pytestmark = pytest.mark.django_db


def test_rotate_prints_a_new_data_key_and_the_purpose_keys_in_use(capsys, settings):
    assert main(["keys", "rotate"]) == 0
    out = capsys.readouterr().out
    lines = dict(line.split("=", 1) for line in out.splitlines() if line.startswith("JICENG_"))
    assert lines["JICENG_INDEX_KEY"] == crypto.purpose_keys()["JICENG_INDEX_KEY"]
    assert lines["JICENG_HISTORY_KEY"] == crypto.purpose_keys()["JICENG_HISTORY_KEY"]
    assert lines["JICENG_DATA_KEY"] != settings.JICENG_DATA_KEY
    assert settings.JICENG_DATA_KEY not in out and "JICENG_DATA_KEYS_OLD" in out


def test_check_fails_until_reencrypt_has_moved_everything_to_the_new_key(capsys, settings):
    person = Resident(name="张三")
    person.set_phone("13700002222")
    person.save()
    old = settings.JICENG_DATA_KEY
    settings.JICENG_DATA_KEY = "bmV3LWRhdGEta2V5LW5ldy1kYXRhLWtleS1uZXctMDE="
    settings.JICENG_DATA_KEYS_OLD = [old]
    assert main(["keys", "check"]) == 1
    assert "people.Resident.name: 1 need an old key" in capsys.readouterr().out
    assert main(["keys", "reencrypt"]) == 0
    assert "people.Resident.phone: 1 re-encrypted" in capsys.readouterr().out
    assert main(["keys", "check"]) == 0
    assert "old keys can be dropped" in capsys.readouterr().out
