"""Households for field-work tests: a street in 天竺 and one in 江东 (another township)."""

from __future__ import annotations

from datetime import date

from jiceng.people.models import Household, Resident, User
from jiceng.places.models import Grid

from factories import JIANGDONG, TIANZHU


def grid(village: str) -> Grid:
    return Grid.objects.get_or_create(
        code=f"{village}001", defaults={"name": "第一网格", "village_id": village}
    )[0]


def household(
    village: str = TIANZHU,
    *,
    worker: User | None = None,
    dibao: bool = False,
    number: str = "",
    address: str = "天竺社区新街12号",
) -> Household:
    return Household.objects.create(
        grid=grid(village), address=address, grid_worker=worker, dibao=dibao, number=number
    )


def member(home: Household, *, born: date, phone: str = "", **flags: object) -> Resident:
    person = Resident(
        household=home,
        name=flags.pop("name", "王秀英"),  # type: ignore[arg-type]
        id_number=flags.pop("id_number", "330681194403151234"),  # type: ignore[arg-type]
        birth_date=born,
        hukou=flags.pop("hukou", home.grid.village_id),  # type: ignore[arg-type]
        **flags,
    )
    if phone:
        person.set_phone(phone)
    person.save()
    return person


def street(users: dict[str, User]) -> dict[str, Resident]:
    """Typical people: an elderly woman alone, a left-behind child, a stranger in 江东."""
    alone = household(worker=users["grid_worker"], number="0001")
    family = household(address="天竺社区后街3号", dibao=True, number="0002")
    faraway = household(JIANGDONG, address="江东社区1号", number="0001")
    return {
        "alone": member(
            alone,
            born=date(1944, 3, 15),
            phone="13900001111",
            elderly_alone=True,
            health_note="高血压，行走需拐杖",
        ),
        "head": member(
            family,
            born=date(1980, 6, 1),
            name="李建国",
            phone="13700002222",
            is_household_head=True,
        ),
        "child": member(
            family, born=date(2014, 9, 1), name="李小雨", left_behind_child=True, in_school=True
        ),
        "stranger": member(faraway, born=date(1940, 1, 1), name="赵大爷", elderly_alone=True),
    }
