import pytest
from django.db import connection

from jiceng.core import crypto
from jiceng.people.models import Resident

pytestmark = pytest.mark.django_db


def test_phone_and_name_are_stored_encrypted_and_read_back_in_clear():
    person = Resident(name="王小明", id_number="330681199001011234")
    person.set_phone("13812345678")
    person.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, phone, id_number FROM people_resident WHERE id = %s", [person.pk]
        )
        stored = cursor.fetchone()
    assert "王小明" not in stored[0] and "13812345678" not in stored[1]
    assert "330681199001011234" not in stored[2]
    again = Resident.objects.get(pk=person.pk)
    assert (again.name, again.phone, again.id_number) == (
        "王小明",
        "13812345678",
        "330681199001011234",
    )


def test_phone_can_be_found_by_its_blind_index_without_decrypting():
    person = Resident()
    person.set_phone("13812345678")
    person.save()
    found = Resident.objects.get(phone_index=crypto.blind_index("13812345678"))
    assert found.pk == person.pk and found.phone_last4 == "5678"


def test_masks_keep_only_what_identifies_nobody():
    assert crypto.mask_phone("13812345678") == "138****5678"
    assert crypto.mask_name("王小明") == "王**"
    assert crypto.mask_id_number("330681199001011234") == "3306**********1234"
