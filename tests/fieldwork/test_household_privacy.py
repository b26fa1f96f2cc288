"""Household members' sensitive data: encrypted, masked, revealed only with a logged reason."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from fieldwork.households import street

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import AccessLog, Resident, User
from jiceng.people.services import household_member_reveal, residents_purge_moved_away


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def test_health_details_and_notes_are_stored_encrypted(people: dict[str, Resident]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT health_note, id_number FROM people_resident WHERE id = %s",
            [people["alone"].pk],
        )
        health, id_number = cursor.fetchone()
    assert "高血压" not in health and "330681" not in id_number
    assert Resident.objects.get(pk=people["alone"].pk).health_note == "高血压，行走需拐杖"


def test_the_village_cadre_reveals_a_field_with_a_reason_and_it_is_logged(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    clear = household_member_reveal(
        resident=people["alone"], field="health_note", by=users["cadre"], reason="上门前了解病情"
    )
    assert clear == "高血压，行走需拐杖"
    entry = AccessLog.objects.get()
    assert (entry.user, entry.resident, entry.field, entry.reason) == (
        users["cadre"],
        people["alone"],
        "health_note",
        "上门前了解病情",
    )


def test_the_households_own_grid_worker_may_reveal_but_not_another_grid_worker(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    worker = users["grid_worker"]
    assert (
        household_member_reveal(
            resident=people["alone"], field="phone", by=worker, reason="联系老人"
        )
        == "13900001111"
    )
    with pytest.raises(NotAllowed):
        household_member_reveal(resident=people["head"], field="phone", by=worker, reason="联系")
    assert AccessLog.objects.count() == 1


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "township", "dispatcher"])
def test_nobody_outside_the_village_may_reveal_and_nothing_is_logged(
    users: dict[str, User], people: dict[str, Resident], who: str
) -> None:
    with pytest.raises(NotAllowed):
        household_member_reveal(
            resident=people["alone"], field="id_number", by=users[who], reason="查看"
        )
    assert not AccessLog.objects.exists()


def test_a_reveal_without_a_reason_is_refused(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    with pytest.raises(InvalidInput) as error:
        household_member_reveal(
            resident=people["alone"], field="note", by=users["cadre"], reason=" "
        )
    assert error.value.field == "reason"
    assert not AccessLog.objects.exists()


def test_people_who_moved_away_long_ago_lose_their_sensitive_data_once(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    gone, recent = people["alone"], people["head"]
    Resident.objects.filter(pk=gone.pk).update(moved_away_on=date(2019, 5, 1))
    Resident.objects.filter(pk=recent.pk).update(moved_away_on=date(2025, 5, 1))
    assert residents_purge_moved_away(years=5, today=date(2026, 3, 2)) == 1
    gone.refresh_from_db()
    assert (gone.name, gone.phone, gone.id_number, gone.health_note) == ("", "", "", "")
    assert gone.purged_at is not None and gone.birth_date == date(1944, 3, 15)
    recent.refresh_from_db()
    assert recent.phone == "13700002222"
    assert residents_purge_moved_away(years=5, today=date(2026, 3, 2)) == 0


def test_the_purge_command_is_reachable_through_manage(
    users: dict[str, User], people: dict[str, Resident], capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    Resident.objects.filter(pk=people["alone"].pk).update(moved_away_on=date(2001, 1, 1))
    call_command("purge_moved_away", "--years", "3")
    assert "Purged personal data of 1 resident(s)." in capsys.readouterr().out
