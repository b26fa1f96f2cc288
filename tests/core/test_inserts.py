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


def test_an_outbox_message_inserted_directly_reads_back_like_one_saved_by_the_orm(users, monday):
    from jiceng.notices import outbox
    from jiceng.notices.models import Message

    case = submit(users)

    def planned(key: str) -> Message:
        return outbox.message(
            key=key,
            channel="inapp",
            template="case_new",
            params={"number": case.number, "title": "路灯", "deadline": "2026-03-03T09:00:00"},
            at=case.submitted_at,
            case_id=case.pk,
            unit_id=case.owner_id,
            expect={"states": ["dispatched"]},
        )

    direct, saved = planned("a"), planned("b")
    insert_row(direct)
    saved.save()

    def row(pk: int) -> dict[str, object]:
        fields = model_to_dict(Message.objects.get(pk=pk))
        return {k: v for k, v in fields.items() if k not in {"id", "key"}}

    assert row(direct.pk) == row(saved.pk)
    assert row(direct.pk)["params"]["title"] == "路灯"
