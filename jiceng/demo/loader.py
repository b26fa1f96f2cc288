"""``jiceng demo``: the county 诸暨市 with a year of cases, ready to explore."""

from __future__ import annotations

import random
import time
from contextlib import nullcontext
from datetime import timedelta

from django.db import connection, transaction
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, Category
from jiceng.core import clock
from jiceng.demo import setup
from jiceng.demo.fieldwork import load_fieldwork_demo
from jiceng.demo.households import build_grids_and_households
from jiceng.demo.simulate import CATEGORY_WEIGHTS, World, simulate_case
from jiceng.notices import events as notice_events
from jiceng.people.models import Resident, Role
from jiceng.places.importer import load_demo_county
from jiceng.places.models import Division, Level

SCALES = {"small": (600, 0), "full": (30_000, 12)}  # cases, households per grid
BATCH = 250


def _villages() -> list[tuple[str, str, str]]:
    townships = dict(
        Division.objects.filter(code__startswith=setup.COUNTY, level=Level.TOWNSHIP).values_list(
            "code", "name"
        )
    )
    return [
        (code, name, townships.get(code[:9], ""))
        for code, name in Division.objects.filter(
            code__startswith=setup.COUNTY, level=Level.VILLAGE
        )
        .order_by("code")
        .values_list("code", "name")
    ]


def _world(org: setup.DemoOrg, rng: random.Random) -> World:
    categories = list(Category.objects.select_related("time_limit").order_by("sort_order"))
    return World(
        org=org,
        rng=rng,
        now=clock.now(),
        categories=categories,
        weights=[CATEGORY_WEIGHTS.get(c.code, 1) for c in categories],
        villages=_villages(),
        callers=_callers(),
    )


def _callers() -> list[tuple[str, str, str]]:
    """Registered residents with a phone, some of whom bring requests (demo only: decrypted)."""
    people = (
        Resident.objects.filter(household__grid__village__code__startswith=setup.COUNTY)
        .exclude(phone_index="")
        .select_related("household__grid")
        .order_by("id")[:5000]
    )
    return [(p.household.grid.village_id, p.name, p.phone) for p in people if p.household]


NOTICE_DAYS = 3


def _generate_cases(world: World, count: int) -> None:
    rng = world.rng
    # Spread over twelve months, a little busier lately, as hotlines grow.
    moments = sorted(world.now - timedelta(days=365 * rng.random() ** 1.15) for _ in range(count))
    # Residents and units hear of the last few days only: the rest is a simulated past.
    told_from = world.now - timedelta(days=NOTICE_DAYS)
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for submitted in moments[start : start + BATCH]:
                with nullcontext() if submitted >= told_from else notice_events.muted():
                    simulate_case(world, submitted)


def logins_text() -> str:
    rows = [
        (Role.ADMIN, "admin"),
        (Role.DISPATCHER, "dispatcher"),
        (Role.LEADER, "leader"),
        (Role.TOWNSHIP_STAFF, "township"),
        (Role.VILLAGE_CADRE, "cadre"),
        (Role.GRID_WORKER, "grid"),
        (Role.DEPARTMENT_STAFF, "department"),
        (Role.RESIDENT, "resident"),
    ]
    lines = [_("Demo logins (password: %(password)s):") % {"password": setup.DEMO_PASSWORD}]
    lines += [f"  {Role(role).label:<16} {username}" for role, username in rows]
    return "\n".join(lines)


def load_demo(*, scale: str = "small", seed: int = 330681, reset: bool = False) -> str:
    """Load the demo county and its cases once; returns what to print."""
    started = time.perf_counter()
    cases, households_per_grid = SCALES[scale]
    load_demo_county()
    existing = Case.objects.filter(division__code__startswith=setup.COUNTY).count()
    if existing and not reset:
        return (
            _("The demo is already loaded (%(n)d cases); use --reset to start over.")
            % {"n": existing}
            + "\n"
            + logins_text()
        )
    if reset:
        _reset()
    rng = random.Random(seed)
    with transaction.atomic():
        org = setup.build_units()
        setup.build_staff(org, rng)
        households = build_grids_and_households(org, rng, households_per_grid=households_per_grid)
    load_fieldwork_demo(seed=seed)
    _generate_cases(_world(org, rng), cases)
    _refresh_planner_statistics()
    trained = _train_category_model()
    _group_hot_issues()
    seconds = time.perf_counter() - started
    summary = _("Loaded 诸暨市: %(cases)d cases, %(households)d households in %(seconds).1f s.") % {
        "cases": Case.objects.filter(division__code__startswith=setup.COUNTY).count(),
        "households": households,
        "seconds": seconds,
    }
    return summary + "\n" + trained + "\n" + logins_text()


def _train_category_model() -> str:
    """The desk proposes categories from the start: train on the demo dispatchers' confirmations."""
    from jiceng.cases.training import TrainingError, retrain

    try:
        result = retrain(cv=False)
    except TrainingError as error:
        return str(error)
    return _("Category model trained on %(n)d confirmed categories: %(path)s") % {
        "n": result["samples"],
        "path": result["model"],
    }


def _group_hot_issues(months: int = 3) -> None:
    """The worker regroups recent months hourly; the demo has no worker yet, so do it once."""
    from django.utils import timezone

    from jiceng.core import clock
    from jiceng.insights.services import hot_issues_refresh

    today = timezone.localdate(clock.now())
    year, month = today.year, today.month
    for _step in range(months):
        hot_issues_refresh(county=setup.COUNTY, year=year, month=month)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def _refresh_planner_statistics() -> None:
    """After a bulk load the query planner's statistics are stale; refresh them once."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _reset() -> None:
    from jiceng.cases.models import CaseEvent, Rating
    from jiceng.notices.models import Message

    with transaction.atomic():
        Message.objects.all().delete()
        Rating.objects.all().delete()
        Case.objects.update(merged_into=None)
        CaseEvent.objects.all().delete()
        Case.objects.all().delete()
