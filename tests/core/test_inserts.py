"""insert_row writes the same row the ORM's save would."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from jiceng.cases.models import CaseEvent
from jiceng.core.inserts import insert_row
from jiceng.people.models import Resident

from factories import submit

pytestmark = pytest.mark.django_db


def _resident() -> Resident:
    resident = Resident(name="王小明", note="住3幢")
    resident.set_phone("13812345678")
    return resident


def _fields(resident: Resident) -> dict[str, object]:
    return {k: v for k, v in model_to_dict(resident).items() if k != "id"}


def test_a_resident_inserted_directly_reads_back_like_one_saved_by_the_orm(users, monday):
    direct, saved = _resident(), _resident()
    insert_row(direct)
    saved.save()
    assert direct.pk and direct.pk != saved.pk
    assert not direct._state.adding
    fresh = {
        k: v for k, v in model_to_dict(Resident.objects.get(pk=direct.pk)).items() if k != "id"
    }
    orm = {k: v for k, v in model_to_dict(Resident.objects.get(pk=saved.pk)).items() if k != "id"}
    assert fresh == orm
    assert fresh["name"] == "王小明"


def test_personal_data_inserted_directly_is_encrypted_at_rest(users, monday):
    resident = _resident()
    insert_row(resident)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM people_resident WHERE id = %s", [resident.pk])
        name, phone = cursor.fetchone()
    assert "王小明" not in name and "13812345678" not in phone


def test_an_event_with_json_data_and_times_reads_back_as_written(users, monday):
    case = submit(users)
    event = CaseEvent.objects.get(case=case)
    assert event.data == {"channel": "web"}
    assert event.at == case.submitted_at
    assert event.hash == case.head_hash
