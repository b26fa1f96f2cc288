"""Rotating the data key: what the old key wrote still reads, is found, and verifies."""

from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from jiceng.cases.anchor import AnchorReader, write_anchor_file
from jiceng.cases.verification import verify
from jiceng.core import clock, crypto
from jiceng.core.keys import keys_check, keys_reencrypt
from jiceng.people.models import Resident

from factories import resolved

pytestmark = pytest.mark.django_db

NEW_KEY = "bmV3LWRhdGEta2V5LW5ldy1kYXRhLWtleS1uZXctMDE="


@pytest.fixture
def written_under_old_key(users, monday, tmp_path):
    """A resolved case (history, contact) and a resident with every encrypted field, plus an
    anchor, all written under the test data key."""
    case = resolved(users)
    person = Resident(name="李四", id_number="330681199001011234", note="独居", health_note="")
    person.set_phone("13900001111")
    person.disability = True
    person.save()
    anchor = tmp_path / "anchor.jsonl"
    with clock.frozen_at(monday + timedelta(hours=1)):
        write_anchor_file(anchor)
    return case, person, anchor


def _rotate(settings, *, keep_old=True):
    """Steps 1 and 2 of the drill: pin the purpose keys, then switch the data key."""
    pins = crypto.purpose_keys()
    old = settings.JICENG_DATA_KEY
    settings.JICENG_INDEX_KEY = pins["JICENG_INDEX_KEY"]
    settings.JICENG_HISTORY_KEY = pins["JICENG_HISTORY_KEY"]
    settings.JICENG_DATA_KEY = NEW_KEY
    settings.JICENG_DATA_KEYS_OLD = [old] if keep_old else []
    return old


def _stored(person, column="name"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM people_resident WHERE id = %s", [person.pk])
        return cursor.fetchone()[0]


def test_after_switching_keys_old_data_decrypts_phones_match_and_history_verifies(
    written_under_old_key, settings
):
    case, person, anchor = written_under_old_key
    _rotate(settings)
    found = Resident.objects.get(phone_index=crypto.blind_index("13900001111"))
    assert (found.pk, found.name, found.id_number, found.disability) == (
        person.pk,
        "李四",
        "330681199001011234",
        True,
    )
    assert case.resident.phone_index == crypto.blind_index("13812345678")
    assert list(verify()) == []
    assert list(verify(anchor=AnchorReader(anchor))) == []


def test_new_writes_use_the_new_key(written_under_old_key, settings):
    _, person, _ = written_under_old_key
    _rotate(settings)
    person.note = "已搬走"
    person.save()
    assert Fernet(NEW_KEY.encode()).decrypt(_stored(person, "note").encode()) == "已搬走".encode()


def test_check_counts_what_needs_the_old_key_and_reencrypt_leaves_none(
    written_under_old_key, settings
):
    _, person, _ = written_under_old_key
    _rotate(settings)
    before = keys_check()
    assert before.old_key["people.Resident.name"] == 2  # the case's contact and 李四
    assert before.old_key["people.Resident.health"] >= 2 and not before.unreadable
    done = keys_reencrypt()
    assert done.changed == before.old_key
    assert keys_check().old_key == {}
    assert keys_reencrypt().changed == {}  # a second run finds nothing to do
    settings.JICENG_DATA_KEYS_OLD = []
    again = Resident.objects.get(pk=person.pk)
    assert (again.name, again.phone, again.note, again.disability) == (
        "李四",
        "13900001111",
        "独居",
        True,
    )
    assert list(verify()) == []


def test_without_the_old_key_old_values_are_reported_as_unreadable_and_kept(
    written_under_old_key, settings
):
    _, person, _ = written_under_old_key
    _rotate(settings, keep_old=False)
    stored = _stored(person)
    assert keys_check().unreadable["people.Resident.name"] == 2
    assert keys_reencrypt().unreadable["people.Resident.name"] == 2
    assert _stored(person) == stored
    with pytest.raises(ImproperlyConfigured, match="JICENG_DATA_KEYS_OLD"):
        Resident.objects.get(pk=person.pk)


def test_unpinned_purpose_keys_follow_the_current_data_key_as_before(settings):
    index, history = crypto.index_key(), crypto.history_key()
    settings.JICENG_DATA_KEY = NEW_KEY
    assert crypto.index_key() != index and crypto.history_key() != history


def test_a_fingerprint_names_the_key_without_revealing_it(settings):
    prints = crypto.fingerprints()
    assert settings.JICENG_DATA_KEY not in str(prints)
    settings.JICENG_DATA_KEY = NEW_KEY
    assert crypto.fingerprints()["data_key"] != prints["data_key"]
