"""``jiceng demo``: the county 诸暨市 with a year of cases, ready to explore."""

from __future__ import annotations

import random
import time

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases.models import Case
from jiceng.demo import setup
from jiceng.demo.fieldwork import load_fieldwork_demo
from jiceng.demo.finishing import group_hot_issues, refresh_planner_statistics, train_category_model
from jiceng.demo.generate import build_world, generate_cases
from jiceng.demo.households import build_grids_and_households
from jiceng.demo.logins import logins_text
from jiceng.demo.staff import build_staff
from jiceng.insights.rollups.refresh import discard, rebuild
from jiceng.places.importer import load_demo_county
from jiceng.places.models import Division

SCALES = {"small": (600, 0), "full": (30_000, 12)}  # cases, households per grid


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
        build_staff(org, rng)
        households = build_grids_and_households(org, rng, households_per_grid=households_per_grid)
    load_fieldwork_demo(seed=seed)
    generate_cases(build_world(org, rng), cases)
    refresh_planner_statistics()
    trained = train_category_model()
    group_hot_issues()
    rebuild()  # the worker would build the rate rollups on its first run; the demo has none
    seconds = time.perf_counter() - started
    summary = _(
        "Loaded %(county)s: %(cases)d cases, %(households)d households in %(seconds).1f s."
    ) % {
        "county": Division.objects.get(code=setup.COUNTY).name,
        "cases": Case.objects.filter(division__code__startswith=setup.COUNTY).count(),
        "households": households,
        "seconds": seconds,
    }
    return summary + "\n" + trained + "\n" + logins_text()


def _reset() -> None:
    from jiceng.cases.models import CaseEvent, Rating
    from jiceng.notices.models import Message

    with transaction.atomic():
        Message.objects.all().delete()
        Rating.objects.all().delete()
        Case.objects.update(merged_into=None)
        CaseEvent.objects.all().delete()
        Case.objects.all().delete()
        discard()
