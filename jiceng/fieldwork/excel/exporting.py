"""Exporting the village's roster, names, phones and ID numbers masked, health hidden."""

from __future__ import annotations

from django.utils import timezone

from jiceng.core import clock, crypto
from jiceng.core.exports import CellValue, Column, xlsx_bytes
from jiceng.fieldwork.excel.roster import FLAGS, HEADERS, HIDDEN, PROTECTED_FLAGS
from jiceng.fieldwork.scope import field_village
from jiceng.people.models import Resident, User


def households_export(*, by: User) -> bytes:
    """The village's roster in the same template, with personal data masked."""
    village = field_village(by)
    people = (
        Resident.objects.filter(household__grid__village_id=village, moved_away_on__isnull=True)
        .select_related("household", "household__grid")
        .defer("health", "health_note", "note")  # not exported: not decrypted either
        .order_by("household__number", "household_id", "-is_household_head", "id")
    )
    yes = {True: "是", False: "否"}
    rows: list[list[CellValue]] = []
    for p in people:
        home = p.household
        assert home is not None
        rows.append(
            [
                home.number, home.grid.code, home.address, yes[home.dibao],
                crypto.mask_name(p.name), crypto.mask_id_number(p.id_number),
                crypto.mask_phone(p.phone) if p.phone else "", p.birth_date,
                *[HIDDEN if attr in PROTECTED_FLAGS else yes[bool(getattr(p, attr))]
                  for attr in FLAGS.values()],
                p.hukou, "",
            ]
        )  # fmt: skip
    stamp = timezone.localdate(clock.now()).isoformat()
    return xlsx_bytes(title=f"花名册 {stamp}", columns=[Column(h) for h in HEADERS], rows=rows)
