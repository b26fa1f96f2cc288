"""Residents keep plain masked copies of name and phone, so lists never decrypt."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.db import connection

from jiceng.core.inserts import insert_row
from jiceng.people.models import Resident
from jiceng.people.services import residents_purge_moved_away

pytestmark = pytest.mark.django_db
backfill = importlib.import_module("jiceng.people.migrations.0005_masked_contact_copies")


def _resident(**fields) -> Resident:
    resident = Resident(name="王小明", **fields)
    resident.set_phone("13812345678")
    return resident


def test_saving_a_resident_stores_the_masks_every_page_shows():
    resident = _resident()
    resident.save()
    fresh = Resident.objects.get(pk=resident.pk)
    assert (fresh.name_masked, fresh.phone_masked) == ("王**", "138****5678")


def test_the_masks_follow_a_changed_phone_and_the_direct_insert():
    resident = _resident()
    insert_row(resident)
    resident.set_phone("13900001111")
    resident.save()
    assert Resident.objects.get(pk=resident.pk).phone_masked == "139****1111"


def test_the_table_holds_no_clear_phone_in_the_masked_copy():
    resident = _resident()
    resident.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone_masked FROM people_resident WHERE id = %s", [resident.pk])
        (stored,) = cursor.fetchone()
    assert "13812345678" not in stored


def test_purging_a_person_who_moved_away_empties_the_masks_too():
    resident = _resident(moved_away_on=date(2015, 1, 1))
    resident.save()
    assert residents_purge_moved_away(years=3, today=date(2026, 3, 1)) == 1
    fresh = Resident.objects.get(pk=resident.pk)
    assert (fresh.name_masked, fresh.phone_masked) == ("", "")


def test_the_migration_fills_the_copies_of_existing_residents():
    resident = _resident()
    resident.save()
    Resident.objects.filter(pk=resident.pk).update(name_masked="", phone_masked="")
    backfill.fill_masked_copies(apps, None)
    fresh = Resident.objects.get(pk=resident.pk)
    assert (fresh.name_masked, fresh.phone_masked) == ("王**", "138****5678")
