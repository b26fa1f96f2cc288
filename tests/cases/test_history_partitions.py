"""Month partitions of the case history on PostgreSQL: where rows land, making months ahead,
detaching the oldest, and the verifier across partitions and archived months.

The test database is migrated, so its events and ratings tables are partitioned; the
months the tests use (early 2025) are made by each test, inside its transaction.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from jiceng.cases import services
from jiceng.cases.models import ArchivedHead, ArchivedMonth, Case, CaseEvent, Rating
from jiceng.cases.partitions import Month, NotPartitioned, detach, ensure
from jiceng.cases.partitions.detach import CannotDetach
from jiceng.cases.partitions.ensure import make_month
from jiceng.cases.verification import verify
from jiceng.cli import main
from jiceng.core import clock

from factories import dispatched, local
from factories import photo as image_bytes

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="partitions exist on PostgreSQL only"
)
JANUARY, FEBRUARY, MARCH = Month(2025, 1), Month(2025, 2), Month(2025, 3)
TABLES = ("cases_caseevent", "cases_rating")


def _make(*months):
    for month in months:
        make_month(month)


def _partition_of(model, pk):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tableoid::regclass::text FROM {model._meta.db_table} WHERE id = %s", [pk]
        )
        return cursor.fetchone()[0]


def _across_months(users, settings, tmp_path, after_january=lambda: None):
    """Dispatched with a photo in January, resolved in February, rated in March."""
    settings.MEDIA_ROOT = tmp_path
    with clock.frozen_at(local(2025, 1, 20, 9, 0)):
        case = dispatched(users)
        services.case_attach_photo(case=case, file=ContentFile(image_bytes("PNG"), name="a.png"))
    with clock.frozen_at(local(2025, 1, 31, 9, 0)):
        after_january()
    with clock.frozen_at(local(2025, 2, 3, 9, 0)):
        case = Case.objects.get(pk=case.pk)
        services.case_accept(case=case, by=users["cadre"])
        services.case_resolve(case=case, by=users["cadre"], answer="路灯已修好。")
    with clock.frozen_at(local(2025, 3, 1, 0, 30)):  # 16:30 UTC on 28 February
        services.case_rate(case=case, solved=True, satisfaction="satisfied")
    return Case.objects.get(pk=case.pk)


def _found():
    return [(p.number, p.problem, p.seq) for p in verify()]


@on_postgresql
def test_rows_land_in_their_local_months_partition(users, settings, tmp_path):
    _make(JANUARY, FEBRUARY, MARCH)
    case = _across_months(users, settings, tmp_path)
    months = [_partition_of(CaseEvent, e.pk) for e in case.events.order_by("seq")]
    assert months == ["cases_caseevent_p2025_01"] * 3 + ["cases_caseevent_p2025_02"] * 2 + [
        "cases_caseevent_p2025_03"
    ]
    assert _partition_of(Rating, Rating.objects.get(case=case).pk) == "cases_rating_p2025_03"
    assert _found() == []


@on_postgresql
def test_rows_written_before_their_month_was_made_move_out_of_the_default(
    users, settings, tmp_path
):
    case = _across_months(users, settings, tmp_path)
    assert {_partition_of(CaseEvent, e.pk) for e in case.events.all()} == {
        "cases_caseevent_default"
    }
    _make(JANUARY, FEBRUARY, MARCH)
    assert _partition_of(CaseEvent, case.events.get(seq=1).pk) == "cases_caseevent_p2025_01"
    rating = Rating.objects.get(case=case)
    assert (_partition_of(Rating, rating.pk), rating.event.seq) == ("cases_rating_p2025_03", 6)
    assert _found() == []


@on_postgresql
def test_ensure_makes_this_month_and_the_next_ones_once():
    with clock.frozen_at(local(2031, 11, 15, 12, 0)):
        made = ensure(months_ahead=2)
        assert made == [
            f"{table}_p{month}" for table in TABLES for month in ("2031_11", "2031_12", "2032_01")
        ]
        assert ensure(months_ahead=2) == []
        assert ensure(months_ahead=0, since=Month(2031, 9)) == [
            f"{table}_p{month}" for table in TABLES for month in ("2031_09", "2031_10")
        ]


@on_postgresql
def test_a_detached_month_is_named_as_archived_and_the_chains_go_on_from_it(
    users, settings, tmp_path, capsys
):
    _make(JANUARY, FEBRUARY, MARCH)
    case = _across_months(users, settings, tmp_path)
    last_of_january = case.events.get(seq=3).hash
    archived = detach(JANUARY)
    assert (archived.events, archived.ratings, archived.event_table) == (
        3,
        0,
        "cases_caseevent_p2025_01",
    )
    head = ArchivedHead.objects.get(case=case)
    assert (head.seq, head.hash) == (3, last_of_january)
    assert list(case.events.values_list("seq", flat=True)) == [4, 5, 6]
    assert _found() == []
    assert main(["verify-history"]) == 0
    out = capsys.readouterr().out
    assert "archived months: 2025-01" in out and "history check passed" in out


@on_postgresql
def test_an_event_cut_from_the_live_tail_is_still_caught(users, settings, tmp_path):
    _make(JANUARY, FEBRUARY, MARCH)
    case = _across_months(users, settings, tmp_path)
    detach(JANUARY)
    CaseEvent.objects.filter(case=case, seq=4).delete()
    assert (case.number, "event missing", 4) in _found()


@on_postgresql
def test_a_forged_archived_head_is_caught(users, settings, tmp_path):
    _make(JANUARY, FEBRUARY, MARCH)
    case = _across_months(users, settings, tmp_path)
    detach(JANUARY)
    ArchivedHead.objects.filter(case=case).update(hash="0" * 64)
    assert _found() == [(case.number, "event altered", 4)]


@on_postgresql
def test_a_month_leaves_only_after_the_older_ones(users, settings, tmp_path):
    _make(JANUARY, FEBRUARY, MARCH)
    _across_months(users, settings, tmp_path)
    with pytest.raises(CannotDetach, match="detach older months first"):
        detach(FEBRUARY)
    with pytest.raises(CannotDetach, match="only past months"):
        detach(Month.of(clock.now()))
    assert not ArchivedMonth.objects.exists()


@on_postgresql
def test_the_partitions_command_makes_lists_and_detaches(users, settings, tmp_path, capsys):
    _make(JANUARY, FEBRUARY)
    _across_months(users, settings, tmp_path)
    with clock.frozen_at(local(2025, 2, 10, 9, 0)):
        assert main(["partitions", "ensure", "--months-ahead", "1"]) == 0
    assert "made cases_caseevent_p2025_03" in capsys.readouterr().out
    assert main(["partitions", "detach", "2025-01"]) == 0
    assert "detached cases_caseevent_p2025_01 (3 events)" in capsys.readouterr().out
    assert main(["partitions", "list"]) == 0
    listing = capsys.readouterr().out
    assert "cases_caseevent_p2025_02: 2 rows" in listing and "archived months: 2025-01" in listing
    assert main(["partitions", "detach", "26-1"]) == 2
    assert "expected a month as YYYY-MM" in capsys.readouterr().err


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite keeps plain tables")
def test_on_sqlite_the_partitions_command_says_there_are_none(capsys):
    with pytest.raises(NotPartitioned):
        ensure()
    assert main(["partitions", "ensure"]) == 2
    assert "not partitioned here (PostgreSQL only)" in capsys.readouterr().err


def test_the_worker_job_says_why_it_made_nothing_or_what_it_made():
    from jiceng.cases.partitions.tasks import ensure_partitions_task

    said = ensure_partitions_task.call()
    if connection.vendor == "postgresql":
        assert said in {"all there"} or said.startswith("cases_caseevent_p")
    else:
        assert said == "the case history is not partitioned here (PostgreSQL only)"


def test_an_unreadable_month_is_refused_with_the_expected_form():
    with pytest.raises(ValueError, match="expected a month as YYYY-MM"):
        Month.parse("2026-13")
    assert Month.parse("2026-03").plus(-3) == Month(2025, 12)
    assert Month(2026, 3).start + timedelta(days=31) == Month(2026, 4).start


@on_postgresql
def test_an_anchor_written_before_the_month_left_still_holds(users, settings, tmp_path):
    from jiceng.cases.anchor import AnchorReader, write_anchor_file

    _make(JANUARY, FEBRUARY, MARCH)
    january = tmp_path / "january.jsonl"  # while the case stood at its last January event
    case = _across_months(users, settings, tmp_path, lambda: write_anchor_file(january))
    assert [entry.version for entry in AnchorReader(january)] == [3]
    write_anchor_file(tmp_path / "now.jsonl")
    detach(JANUARY)
    for anchor in ("january.jsonl", "now.jsonl"):
        assert list(verify(anchor=AnchorReader(tmp_path / anchor))) == []
    Case.objects.filter(pk=case.pk).update(version=5, head_hash=case.events.get(seq=5).hash)
    Rating.objects.filter(case=case).delete()
    CaseEvent.objects.filter(case=case, seq=6).delete()
    found = [(p.number, p.problem) for p in verify(anchor=AnchorReader(tmp_path / "now.jsonl"))]
    assert (case.number, "history truncated") in found
