"""One case's rows read from its submission on (``history.floor``): on PostgreSQL only the
month partitions since then are planned; ``verify_case`` reads every month and reports
exactly what the whole walk reports, also for rows moved or forged into the months before
the submission.

The case is submitted in February 2025; January, February and March are made by each test
(inside its transaction), so a row moved into January lands in a partition the first read
prunes. On SQLite the same tests hold without partitions.
"""

from datetime import timedelta

import pytest
from django.db import connection

from jiceng.cases import selectors, services
from jiceng.cases.history.floor import case_events, case_ratings
from jiceng.cases.models import Case, CaseEvent, Rating
from jiceng.cases.partitions import Month
from jiceng.cases.partitions.ensure import make_month
from jiceng.cases.verification import verify
from jiceng.cases.verification.one import verify_case
from jiceng.core import clock

from factories import local, resolved, submit

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="partitions exist on PostgreSQL only"
)
SUBMITTED = local(2025, 2, 10, 9, 0)
JANUARY_DAY = local(2025, 1, 15, 9, 0)


@pytest.fixture
def months():
    if connection.vendor == "postgresql":
        for month in (Month(2025, 1), Month(2025, 2), Month(2025, 3)):
            make_month(month)


def _rated(users):
    """Submitted, dispatched, accepted and resolved on 10 February; rated on 3 March."""
    with clock.frozen_at(SUBMITTED):
        case = resolved(users)
    with clock.frozen_at(local(2025, 3, 3, 9, 0)):
        services.case_rate(case=case, solved=True, satisfaction="satisfied")
    return Case.objects.get(pk=case.pk)


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _moved(seq):
    return lambda c: _sql(
        "UPDATE cases_caseevent SET at = %s WHERE case_id = %s AND seq = %s",
        [JANUARY_DAY, c.pk, seq],
    )


def _forged_event(case, seq, *, as_seq=None):
    """A copy of one of the case's events under a new id (and ``as_seq``), dated in January.

    A second event with the same number is refused on SQLite; on PostgreSQL the key holds
    the time too (docs/partitions.md), so only the chain tells them apart.
    """
    event = CaseEvent.objects.get(case=case, seq=seq)
    event.pk, event.at, event.seq = None, JANUARY_DAY, as_seq or seq
    event.save(force_insert=True)
    return event


def _forged_rating(case):
    """A second rating of the case, with its own forged RATE event, both in January."""
    rating = Rating.objects.get(case=case)
    event = _forged_event(case, rating.event.seq, as_seq=rating.event.seq + 1)
    rating.pk, rating.event, rating.at = None, event, event.at
    rating.save(force_insert=True)


TAMPERINGS = [
    pytest.param(_moved(1), id="submit event moved before the submission"),
    pytest.param(_moved(3), id="middle event moved before the submission"),
    pytest.param(_moved(4), id="event before the rating moved before the submission"),
    pytest.param(
        lambda c: Case.objects.filter(pk=c.pk).update(submitted_at=local(2025, 3, 10, 9, 0)),
        id="submission moved later",
    ),
    pytest.param(
        lambda c: _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 2", [c.pk]),
        id="event deleted",
    ),
    pytest.param(
        lambda c: Rating.objects.filter(case=c).update(comment="非常满意"), id="rating altered"
    ),
]
ADDED_BEFORE = [
    pytest.param(
        lambda c: _forged_event(c, 2),
        id="second event number 2 dated before the submission",
        marks=on_postgresql,
    ),
    pytest.param(lambda c: _forged_event(c, 5, as_seq=6), id="event after the last, dated before"),
    pytest.param(_forged_rating, id="rating and its event dated before the submission"),
]


@pytest.mark.parametrize("tamper", TAMPERINGS)
def test_one_case_reports_what_the_whole_walk_reports_for_rows_moved_or_removed(
    users, months, tamper
):
    bad, good = _rated(users), _rated(users)
    assert verify_case(bad.pk) == [] and list(verify()) == []
    tamper(bad)
    whole = list(verify())
    assert whole and {p.case_id for p in whole} == {bad.pk}
    assert verify_case(bad.pk) == whole
    assert verify_case(good.pk) == []


@pytest.mark.parametrize("tamper", ADDED_BEFORE)
def test_rows_added_before_the_submission_are_shown_nowhere_and_reported_by_both_checks(
    users, months, tamper
):
    """No writer dates a case's row before its submission, and the case page does not look
    there; the one-case check reads every month, as the whole walk does (verification.one)."""
    case = _rated(users)
    shown = [(e.pk, e.seq) for e in selectors.case_timeline(case)]
    tamper(case)
    whole = list(verify())
    assert whole and {p.case_id for p in whole} == {case.pk}
    assert [(e.pk, e.seq) for e in selectors.case_timeline(case)] == shown
    assert verify_case(case.pk) == whole


def test_a_moved_event_is_reported_as_altered_not_only_as_a_gap(users, months):
    case = _rated(users)
    _moved(3)(case)
    assert [(p.problem, p.seq) for p in verify_case(case.pk)] == [("event altered", 3)]


def test_an_event_dated_just_before_the_submission_is_still_read(users, months):
    """A clock stepped back an hour between two writes: within the floor's margin."""
    with clock.frozen_at(SUBMITTED):
        case = submit(users)
    with clock.frozen_at(SUBMITTED - timedelta(hours=1)):
        services.case_dispatch(case=case, by=users["dispatcher"])
    case = Case.objects.get(pk=case.pk)
    assert [e.seq for e in selectors.case_timeline(case)] == [1, 2]
    assert verify_case(case.pk) == [] and list(verify()) == []


@on_postgresql
def test_the_first_read_plans_only_the_months_since_the_submission(users, months):
    case = _rated(users)
    for rows, table in ((case_events, "cases_caseevent"), (case_ratings, "cases_rating")):
        plan = rows(case.pk, case.submitted_at).order_by("pk").explain()
        assert f"{table}_p2025_02" in plan and f"{table}_p2025_03" in plan
        assert f"{table}_p2025_01" not in plan
    everything = CaseEvent.objects.filter(case_id=case.pk).explain()
    assert "cases_caseevent_p2025_01" in everything
