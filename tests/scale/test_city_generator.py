"""The city generator (bench/city) at a small scale: its rows are ones the application accepts.

About 2,000 cases of 绍兴市's six counties are generated into the test database by the
two COPY processes; then the history check passes, the rates compute, the pages render
for a county's staff, and one county's staff see nothing of another's cases.
"""

import sys
from datetime import UTC, datetime

import pytest
from city_marks import CITY_TEST, ROOT
from django.test import Client

pytestmark = CITY_TEST
END = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.fixture
def city():
    sys.path.insert(0, str(ROOT))
    from bench.city.load import load_city

    return load_city(cases=2000, end=END, batch=250)


def _login(username):
    from jiceng.people.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_a_generated_city_verifies_counts_renders_and_keeps_counties_apart(city):
    from jiceng.cases.models import Case, CaseEvent, Rating, State
    from jiceng.cases.verification import verify
    from jiceng.insights.rates import monthly_rates

    assert Case.objects.count() == 2000
    assert CaseEvent.objects.count() > 4 * 2000
    assert Rating.objects.count() > 500
    assert set(Case.objects.values_list("state", flat=True)) >= {State.CLOSED, State.ACCEPTED}
    assert list(verify()) == []

    rows = monthly_rates(year=2026, month=10, within="3306", level="county")
    assert len(rows) == 6
    assert sum(row.dispatched for row in rows) > 100
    assert (
        sum(row.rated for row in rows)
        == Rating.objects.filter(
            at__gte=datetime(2026, 9, 30, 16, tzinfo=UTC),
            at__lt=datetime(2026, 10, 31, 16, tzinfo=UTC),
        ).count()
    )

    dispatcher = _login("d330602-0")
    queue = dispatcher.get("/workbench/?tab=area")
    mine = Case.objects.filter(division__code__startswith="330602").order_by("-pk").first()
    assert mine.number in queue.content.decode()
    page = dispatcher.get(f"/workbench/cases/{mine.number}/")
    assert page.status_code == 200
    assert mine.title in page.content.decode()

    # The search rows are the ones the application writes, block token included.
    from jiceng.cases.models import CaseSearch
    from jiceng.cases.search import search_text
    from jiceng.cases.search.tokens import row_text

    sample = list(Case.objects.select_related("division").order_by("?")[:50])
    stored = dict(CaseSearch.objects.filter(case__in=sample).values_list("case_id", "text"))
    assert stored == {case.pk: row_text(case.pk, search_text(case)) for case in sample}

    others = Case.objects.filter(division__code__startswith="330681").order_by("-pk")[:20]
    assert all(dispatcher.get(f"/workbench/cases/{c.number}/").status_code == 404 for c in others)
    assert not any(c.number in queue.content.decode() for c in others)
