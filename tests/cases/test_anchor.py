"""Anchors: a signed checkpoint of every case's head, kept outside the database.

The chain alone cannot see a case deleted with all its events, or rolled back to an
earlier event with its row put back as it was then; an anchor written before can.
"""

import hashlib
import json
from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.anchor import AnchorReader, daily_anchor, write_anchor_file
from jiceng.cases.anchor.lines import leaf
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.tasks import anchor_task
from jiceng.cases.verification import verify
from jiceng.cli import main
from jiceng.core import clock

from factories import accepted, resolved, submit
from tampering import delete_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchor_at(monday, tmp_path):
    """Write an anchor an hour after Monday morning (so Monday's cases have settled)."""

    def write(name="anchor.jsonl"):
        path = tmp_path / name
        with clock.frozen_at(monday + timedelta(hours=1)):
            write_anchor_file(path)
        return path

    return write


def _found(path, **options):
    return [(p.number, p.problem) for p in verify(anchor=AnchorReader(path), **options)]


def test_an_untouched_database_verifies_against_its_anchor(users, anchor_at):
    first, second = resolved(users), accepted(users)
    path = anchor_at()
    services.case_resolve(case=second, by=users["cadre"], answer="已修复")
    submit(users)  # created after the anchor: nothing to say about it
    assert _found(path) == []
    reader = AnchorReader(path)
    assert list(verify(anchor=reader)) == [] and reader.summary is not None
    assert (reader.summary.cases, reader.summary.max_case_id) == (2, second.pk)
    assert first.pk < second.pk


def test_a_case_deleted_with_all_its_events_is_named_from_the_anchor(users, anchor_at):
    kept, gone = resolved(users), resolved(users)
    path = anchor_at()
    delete_case(gone)
    assert list(verify()) == []  # the chain alone cannot see it
    assert _found(path) == [(gone.number, "case deleted")]
    assert kept.number != gone.number


def test_every_deleted_case_is_named_in_order_the_last_one_too(users, anchor_at):
    first, second, kept, last = (resolved(users) for _ in range(4))
    path = anchor_at()
    for case in (second, first, last):
        delete_case(case)
    assert _found(path) == [
        (first.number, "case deleted"),
        (second.number, "case deleted"),
        (last.number, "case deleted"),
    ]
    assert kept.pk < last.pk


def test_a_case_inserted_below_the_anchors_last_id_is_named(users, anchor_at):
    first, planted, last = submit(users), submit(users), submit(users)
    rows = list(Case.objects.filter(pk=planted.pk).values())
    events = list(CaseEvent.objects.filter(case=planted).values())
    delete_case(planted)
    path = anchor_at()
    Case.objects.bulk_create([Case(**row) for row in rows])
    CaseEvent.objects.bulk_create([CaseEvent(**row) for row in events])
    assert list(verify()) == []  # a real chain, put back whole
    assert _found(path) == [(planted.number, "case inserted")]
    assert first.pk < planted.pk < last.pk


def test_cutting_off_events_after_the_anchor_is_named_as_truncated(users, anchor_at):
    case = resolved(users)
    path = anchor_at()
    kept = CaseEvent.objects.get(case=case, seq=2)
    CaseEvent.objects.filter(case=case, seq__gt=2).delete()
    Case.objects.filter(pk=case.pk).update(version=2, head_hash=kept.hash)
    assert _found(path) == [
        (case.number, "case fields altered"),
        (case.number, "history truncated"),
    ]


def test_a_whole_rollback_only_the_anchor_catches(users, anchor_at, monday):
    case = resolved(users)
    path = anchor_at()
    before = CaseEvent.objects.get(case=case, seq=3)  # accepted, not yet resolved
    CaseEvent.objects.filter(case=case, kind=EventKind.RESOLVE).delete()
    Case.objects.filter(pk=case.pk).update(
        version=3, head_hash=before.hash, state=State.ACCEPTED, answer="", resolved_at=None
    )
    assert list(verify()) == []  # every row agrees with the shortened chain
    assert _found(path) == [(case.number, "history truncated")]


def test_a_tampered_anchor_file_is_reported(users, anchor_at):
    case = resolved(users)
    path = anchor_at()
    lines = path.read_text().splitlines()
    entry = json.loads(lines[1])
    lines[1] = json.dumps([entry[0], entry[1], entry[2] + 5, entry[3]])  # hide a future rollback
    path.write_text("\n".join(lines) + "\n")
    assert _found(path) == [(case.number, "history truncated"), ("", "anchor signature invalid")]


def test_an_anchor_signed_with_another_key_is_reported(users, anchor_at, settings):
    resolved(users)
    ours = settings.JICENG_DATA_KEY
    settings.JICENG_DATA_KEY = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDE="
    path = anchor_at()
    settings.JICENG_DATA_KEY = ours
    assert _found(path) == [("", "anchor signature invalid")]


def test_a_cut_anchor_file_is_reported_as_unreadable(users, anchor_at):
    resolved(users)
    path = anchor_at()
    path.write_text("\n".join(path.read_text().splitlines()[:-1]) + "\n")
    assert _found(path) == [("", "anchor unreadable")]


def test_the_root_is_the_merkle_tree_hash_of_the_case_lines(users, anchor_at):
    for _ in range(5):
        submit(users)
    path = anchor_at()
    entries = [json.loads(line) for line in path.read_text().splitlines()[1:-1]]

    def tree_hash(leaves):  # RFC 6962: split at the largest power of two below the count
        if len(leaves) == 1:
            return leaves[0]
        split = 1 << ((len(leaves) - 1).bit_length() - 1)
        left, right = tree_hash(leaves[:split]), tree_hash(leaves[split:])
        return hashlib.sha256(b"\x01" + left + right).digest()

    footer = json.loads(path.read_text().splitlines()[-1])
    assert footer["root"] == tree_hash([leaf(entry) for entry in entries]).hex()
    assert footer["cases"] == 5


def test_cases_younger_than_the_settling_time_wait_for_the_next_anchor(users, monday, tmp_path):
    settled = submit(users)
    path = tmp_path / "anchor.jsonl"
    with clock.frozen_at(monday + timedelta(minutes=10)):
        fresh = submit(users)
    with clock.frozen_at(monday + timedelta(minutes=15)):
        write_anchor_file(path)
    assert _found(path) == []
    assert [json.loads(line)[0] for line in path.read_text().splitlines()[1:-1]] == [settled.pk]
    assert fresh.pk > settled.pk


# --- the daily anchor of the worker ---------------------------------------------------------


def test_the_worker_task_writes_one_anchor_a_day(users, monday, settings, tmp_path):
    settings.JICENG_ANCHOR_DIR = tmp_path / "anchors"
    resolved(users)
    with clock.frozen_at(monday + timedelta(hours=1)):
        anchor_task.enqueue()
        written = settings.JICENG_ANCHOR_DIR / "anchor-2026-03-02.jsonl"
        first = written.read_bytes()
        submit(users)
        assert daily_anchor(settings.JICENG_ANCHOR_DIR) is None
        assert written.read_bytes() == first
    assert _found(written) == []


def test_a_failed_anchor_leaves_no_file_and_the_next_try_writes_it(users, monday, tmp_path):
    resolved(users)
    blocked = tmp_path / "anchors"
    blocked.write_text("a file where the directory should be")
    with clock.frozen_at(monday + timedelta(hours=1)), pytest.raises(OSError):
        daily_anchor(blocked / "sub")
    blocked.unlink()
    with clock.frozen_at(monday + timedelta(hours=1)):
        assert daily_anchor(blocked) == blocked / "anchor-2026-03-02.jsonl"
    assert [p.name for p in blocked.iterdir()] == ["anchor-2026-03-02.jsonl"]


# --- the commands ----------------------------------------------------------------------------


def test_anchor_and_verify_commands_name_a_deleted_case_and_fail(users, monday, tmp_path, capsys):
    kept, gone = resolved(users), resolved(users)
    path = tmp_path / "anchor.jsonl"
    with clock.frozen_at(monday + timedelta(hours=1)):
        assert main(["anchor", "--output", str(path)]) == 0
    assert "anchored 2 cases" in capsys.readouterr().out
    assert main(["verify-history", "--anchor", str(path)]) == 0
    assert "root" in capsys.readouterr().out
    delete_case(gone)
    assert main(["verify-history", "--anchor", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"case {gone.number}: case deleted" in out and kept.number not in out


def test_anchor_command_writes_to_standard_output(users, monday, capsysbinary):
    resolved(users)
    with clock.frozen_at(monday + timedelta(hours=1)):
        assert main(["anchor"]) == 0
    lines = capsysbinary.readouterr().out.splitlines()
    assert json.loads(lines[0])["format"] == "jiceng-anchor/1"
    assert len(lines) == 3 and "signature" in json.loads(lines[-1])


def test_verify_command_with_a_missing_anchor_file_says_so(users, monday, tmp_path, capsys):
    assert main(["verify-history", "--anchor", str(tmp_path / "none.jsonl")]) == 2
    assert "no anchor file" in capsys.readouterr().err
