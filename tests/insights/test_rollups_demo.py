"""The demo world, rolled up by ``jiceng demo``: its cells equal a full recount, and every
figure the pages read from them equals the figure counted from the events."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JICENG = Path(sys.executable).parent / "jiceng"

# Run inside the demo's database by ``jiceng manage shell``: the figures of the last twelve
# rolled-up months read from the cells, then again with no month rolled up.
COMPARE = """
import json
from django.db import transaction
from jiceng.insights.rates import area_months, monthly_rates, unit_rates
from jiceng.insights.rollups.models import RateMonth
from jiceng.insights.rollups.reading import forget_rolled_up, rolled_up_months

def figures(months):
    found = [[r.counts for r in area_months(code="330681", name="", months=months)]]
    for year, month in months:
        for within, level in (("330681", "township"), ("330681109", "village")):
            rows = monthly_rates(year=year, month=month, within=within, level=level)
            found.append([(r.code, r.counts, r.rank, r.resolved_by_tier) for r in rows])
        units = unit_rates(year=year, month=month, within="330681")
        found.append([(r.unit_id, r.counts, r.rank) for r in units])
    return found

months = sorted((m.year, m.month) for m in rolled_up_months())[-12:]
rolled = figures(months)
with transaction.atomic():  # rolled back: the other tests read the same database
    RateMonth.objects.all().delete()
    forget_rolled_up()
    live = figures(months)
    transaction.set_rollback(True)
forget_rolled_up()
clocks = sum(counts[0] for counts in live[0])
print(json.dumps({"months": len(months), "clocks": clocks, "same": rolled == live}))
"""


def _jiceng(home, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="development",
        JICENG_LANGUAGE="en",
        JICENG_HOME=str(home),
        DATABASE_URL=f"sqlite:///{home}/demo.sqlite3",
    )
    command = [str(JICENG), *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("rollups-demo")
    loaded = _jiceng(home, "demo", "--scale", "small", "--no-serve", "--seed", "11")
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    return home


def test_the_demo_is_rolled_up_and_its_cells_equal_a_full_recount(demo_home):
    checked = _jiceng(demo_home, "rollups", "check", "--as-stored")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    checked_months = re.search(r"rollups check passed: (\d+) month", checked.stdout)
    assert checked_months and int(checked_months[1]) >= 24  # two years back, at least


def test_every_figure_read_from_the_demos_rollups_equals_the_count_of_its_events(demo_home):
    compared = _jiceng(demo_home, "manage", "shell", "-c", COMPARE)
    assert compared.returncode == 0, compared.stderr[-3000:]
    result = json.loads(compared.stdout.strip().splitlines()[-1])
    assert result["months"] == 12 and result["clocks"] > 100
    assert result["same"] is True
