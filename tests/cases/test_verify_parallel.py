"""``verify-history --jobs``: the walk shared out to processes, one snapshot for all.

The parallel walk must find what the single walk finds, in the same order, wherever the
slices are cut, anchor or not; and it must read the state of the moment it started,
not what is committed while its workers start.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections

from jiceng.cases import services
from jiceng.cases.anchor import AnchorReader, write_anchor_file
from jiceng.cases.models import Case, CaseEvent, Rating
from jiceng.cases.verification import verify
from jiceng.cases.verification.parallel import slices, verify_in_slices
from jiceng.cases.verification.streams import Slice
from jiceng.cli import main
from jiceng.core import clock

from factories import accepted, resolved, submit
from tampering import delete_case, sql

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the walk is shared out on PostgreSQL only"
)
# Workers are other processes: they see committed rows only.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_slices_cover_every_id_once_and_leave_both_ends_open():
    parts = slices(10, 109, 4)
    assert parts[0].low is None and parts[-1].high is None
    assert [p.high for p in parts[:-1]] == [p.low for p in parts[1:]]
    owners = [[p for p in parts if (p.low or 0) <= i < (p.high or 10**9)] for i in range(0, 200)]
    assert all(len(found) == 1 for found in owners)
    assert len(parts) == 4 and [p.last for p in parts] == [False, False, False, True]


@pytest.mark.parametrize("first, last", [(None, None), (5, 5), (1, 3)])
def test_too_few_cases_to_slice_are_one_slice(first, last):
    assert slices(first, last, 8) == [Slice()]


def _tampered_city(users, tmp_path, monday):
    """Cases with a problem of each kind, some of them known only to an anchor."""
    cases = [resolved(users) for _ in range(6)] + [accepted(users) for _ in range(3)]
    services.case_rate(case=cases[1], solved=True, satisfaction="satisfied")
    planted = submit(users)
    rows = list(Case.objects.filter(pk=planted.pk).values())
    events = list(CaseEvent.objects.filter(case=planted).values())
    delete_case(planted)
    last = submit(users)
    path = tmp_path / "anchor.jsonl"
    with clock.frozen_at(monday + timedelta(hours=1)):
        write_anchor_file(path)
    Case.objects.bulk_create([Case(**row) for row in rows])  # inserted below the anchor's last
    CaseEvent.objects.bulk_create([CaseEvent(**row) for row in events])
    sql("UPDATE cases_case SET answer = 'x' WHERE id = %s", [cases[0].pk])
    Rating.objects.filter(case=cases[1]).update(satisfaction="basically")
    CaseEvent.objects.filter(case=cases[4], seq=2).delete()
    for gone in (cases[2], cases[8], last):  # deleted with all their rows, the last one too
        delete_case(gone)
    return path


def _problems(found):
    return [(p.case_id, p.number, p.seq, p.problem) for p in found]


@needs_postgresql
@committed
@pytest.mark.parametrize("count", [2, 7, 40])
def test_every_slicing_finds_what_the_single_walk_finds_in_its_order(
    users, monday, tmp_path, count
):
    path = _tampered_city(users, tmp_path, monday)
    single = _problems(verify(anchor=AnchorReader(path)))
    kinds = {problem for *_, problem in single}
    assert (
        kinds
        >= {
            "case fields altered",
            "case deleted",
            "case inserted",
        }
        and len(single) >= 6
    )
    reader = AnchorReader(path)
    shared = verify_in_slices(connection, 2, 1, reader, False, count=count)
    assert _problems(shared) == single
    assert reader.problem == "" and reader.summary is not None  # the last slice's verdict
    assert _problems(verify(jobs=2)) == _problems(verify())


@needs_postgresql
@committed
def test_a_tampered_anchor_file_is_reported_once(users, monday, tmp_path):
    for _ in range(4):
        resolved(users)
    path = tmp_path / "anchor.jsonl"
    with clock.frozen_at(monday + timedelta(hours=1)):
        write_anchor_file(path)
    lines = path.read_text().splitlines()
    lines[2] = lines[2].replace(lines[2][-10:-2], "0" * 8)
    path.write_text("\n".join(lines) + "\n")
    single = _problems(verify(anchor=AnchorReader(path)))
    shared = _problems(verify_in_slices(connection, 2, 1, AnchorReader(path), False, count=3))
    assert shared == single and [p[3] for p in single].count(single[-1][3]) == 1
    assert single[-1][0] == 0 and single[-1][3].startswith("anchor")


@needs_postgresql
@committed
def test_what_is_committed_while_the_workers_start_is_not_read(users):
    cases = [resolved(users) for _ in range(4)]
    found = []

    def walk():
        found.extend(verify(jobs=2))
        connections.close_all()

    walker = threading.Thread(target=walk)
    walker.start()
    waiting = """SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                 AND state = 'idle in transaction' AND query LIKE %s"""
    for _ in range(500):  # until the walk has exported its snapshot and asked for the bounds
        with connection.cursor() as cursor:
            cursor.execute(waiting, ["%MAX(%"])
            if cursor.fetchone()[0]:
                break
        time.sleep(0.01)
    sql("UPDATE cases_case SET answer = 'x' WHERE id = %s", [cases[-1].pk])
    walker.join(timeout=120)
    assert not walker.is_alive()
    assert found == []  # the workers started after the change and still read before it
    assert [(p.number, p.problem) for p in verify(jobs=2)] == [
        (cases[-1].number, "case fields altered")
    ]


@needs_postgresql
@committed
def test_the_command_walks_with_several_processes(users, capsys):
    good, bad = resolved(users), resolved(users)
    assert main(["verify-history", "--jobs", "2"]) == 0
    sql("UPDATE cases_case SET answer = 'x' WHERE id = %s", [bad.pk])
    assert main(["verify-history", "--jobs", "2"]) == 1
    out = capsys.readouterr().out.split("passed")[-1]
    assert f"case {bad.number}: case fields altered (event 4)" in out
    assert good.number not in out


@pytest.mark.django_db
def test_the_command_refuses_a_number_of_jobs_that_is_not_one(capsys):
    with pytest.raises(SystemExit):
        main(["verify-history", "--jobs", "0"])
    assert "--jobs: expected a number of processes from 1 to 64, not '0'" in capsys.readouterr().err


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite is read by one process")
def test_on_sqlite_the_command_says_it_walks_with_one_process(users, capsys):
    resolved(users)
    assert main(["verify-history", "--jobs", "4"]) == 0
    captured = capsys.readouterr()
    assert "checking with one" in captured.err and "history check passed" in captured.out
