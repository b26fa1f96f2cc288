"""Append-only, hash-chained history, and the verifier that catches tampering.

Every tampering test changes rows the way an attacker with database access would
(raw SQL or ``QuerySet.update``) and asserts the exact case and problem reported.
"""

import threading
from datetime import timedelta
from itertools import pairwise

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, connections

from jiceng.cases import history, services
from jiceng.cases.history import CHAINED_FIELDS, UNCHAINED_FIELDS, payload
from jiceng.cases.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    Category,
    EventKind,
    Rating,
    State,
    Urgency,
)
from jiceng.cases.verification import verify
from jiceng.cli import main
from jiceng.core import hashchain

from factories import JIANGDONG, TIANZHU, accepted, dispatched, resolved, submit
from factories import photo as image_bytes
from intake_support import SPAM_TEXT

pytestmark = pytest.mark.django_db
PNG = image_bytes("PNG")


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _found(**options):
    return [(p.number, p.problem) for p in verify(**options)]


# --- an untouched history verifies, whatever happened to the case ---------------------------


def _quarantined(users):
    return submit(users, description=SPAM_TEXT, title="")


def _rated(users, satisfaction):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction=satisfaction)
    return case


def _merged(users):
    duplicate = submit(users, description="村口路灯坏了好久了")
    services.case_merge(case=duplicate, into=accepted(users), by=users["dispatcher"])
    return duplicate


def _consulted(users):
    return services.case_consult(
        category=Category.objects.get(code="social_security"),
        question="城乡居民医保今年什么时候截止缴费？",
        answer="截止到12月31日。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )


def _attached(users):
    case = dispatched(users)
    services.case_attach_photo(case=case, file=ContentFile(PNG, name="road.png"))
    return case


TRANSITIONS = {
    "submit": submit,
    "dispatch": dispatched,
    "accept": accepted,
    "return": lambda u: services.case_return(case=dispatched(u), by=u["cadre"], reason="不归我们"),
    "escalate": lambda u: services.case_escalate(case=accepted(u), by=u["cadre"], reason="需镇里"),
    "resolve": resolved,
    "rate": lambda u: _rated(u, "satisfied"),
    "rate unsatisfied, reopen": lambda u: _rated(u, "unsatisfied"),
    "reopen": lambda u: services.case_reopen(case=resolved(u), by=u["dispatcher"], reason="没修好"),
    "merge": _merged,
    "note": lambda u: services.case_note(case=dispatched(u), by=u["cadre"], note="已电话联系"),
    "remind": lambda u: services.case_remind(case=dispatched(u)),
    "close unrated": lambda u: services.case_close_unrated(case=resolved(u)),
    "quarantine": _quarantined,
    "release": lambda u: services.case_release(case=_quarantined(u), by=u["dispatcher"]),
    "spam": lambda u: services.case_confirm_spam(case=_quarantined(u), by=u["dispatcher"]),
    "classify": lambda u: services.case_classify(
        case=submit(u), by=u["dispatcher"], category=Category.objects.get(code="environment")
    ),
    "consult": _consulted,
    "attach": _attached,
}


@pytest.mark.parametrize("transition", TRANSITIONS)
def test_untouched_history_verifies_after_every_kind_of_transition(
    users, monday, settings, tmp_path, transition
):
    settings.MEDIA_ROOT = tmp_path
    TRANSITIONS[transition](users)
    assert _found(files=True) == []
    assert not CaseEvent.objects.filter(case_digest="").exists()


def test_each_event_links_to_the_one_before(users, monday):
    case = resolved(users)
    events = list(case.events.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))
    case.refresh_from_db()
    assert case.head_hash == events[-1].hash and case.version == 4


def test_every_case_column_is_either_chained_or_the_chains_own_bookkeeping():
    columns = {field.attname for field in Case._meta.concrete_fields}
    assert columns == set(CHAINED_FIELDS) | set(UNCHAINED_FIELDS)


def test_recording_the_case_digest_costs_no_query(users, monday, django_assert_num_queries):
    case = Case.objects.get(pk=submit(users).pk)
    with django_assert_num_queries(2):  # the conditional UPDATE and the INSERT, as before
        history.append(case, kind=EventKind.NOTE, at=monday, by=None, to_state=case.state)
    assert _found() == []


def test_a_case_loaded_without_its_long_texts_still_records_the_right_fields(users, monday):
    case = accepted(users)
    listed = Case.objects.defer("description", "answer", "title", "resident").get(pk=case.pk)
    services.case_resolve(case=listed, by=users["cadre"], answer="已修复")
    assert _found() == []


def _rewrite_as_before_fields_were_chained(case):
    """The chain the code before ``case_digest`` would have written (it needs the key)."""
    prev = hashchain.GENESIS
    for event in case.events.order_by("seq"):
        event.case_digest, event.prev_hash = "", prev
        event.hash = prev = hashchain.link(prev, payload(event))
        rows = CaseEvent.objects.filter(pk=event.pk)
        rows.update(case_digest="", prev_hash=event.prev_hash, hash=prev)
    Case.objects.filter(pk=case.pk).update(head_hash=prev)


def test_events_written_before_fields_were_chained_still_verify(users, monday):
    case = accepted(users)
    _rewrite_as_before_fields_were_chained(case)
    assert _found() == []
    case.refresh_from_db()
    services.case_resolve(case=case, by=users["cadre"], answer="已修复")
    Case.objects.filter(pk=case.pk).update(answer="x")
    assert _found() == [(case.number, "case fields altered")]


# --- case fields -----------------------------------------------------------------------------


def _alterations(users):
    other = submit(users)
    moment = other.submitted_at - timedelta(days=3)
    return {
        "description": "一切正常",
        "title": "无事",
        "answer": "已解决",
        "division_id": JIANGDONG,
        "category_id": "environment",
        "owner_id": users["outsider"].unit_id,
        "state": State.CLOSED,
        "respond_by": moment,
        "resolve_by": moment,
        "address": "别处",
        "urgency": Urgency.EMERGENCY,
        "kind": "consultation",
        "merged_into_id": other.pk,
        "resolved_at": moment,
        "closed_at": moment,
        "number": "260101999999",
        "submitted_at": moment,
        "reopen_count": 3,
    }


@pytest.mark.parametrize(
    "column",
    [
        "description",
        "title",
        "answer",
        "division_id",
        "category_id",
        "owner_id",
        "state",
        "respond_by",
        "resolve_by",
        "address",
        "urgency",
        "kind",
        "merged_into_id",
        "resolved_at",
        "closed_at",
        "number",
        "submitted_at",
        "reopen_count",
    ],
)
def test_changing_a_case_field_in_the_database_is_caught(users, monday, column):
    case = resolved(users)
    Case.objects.filter(pk=case.pk).update(**{column: _alterations(users)[column]})
    problems = [(p.case_id, p.seq, p.problem) for p in verify()]
    assert problems == [(case.pk, 4, "case fields altered")]


def test_the_verifier_names_the_case_by_its_number(users, monday):
    good, bad = resolved(users), resolved(users)
    _sql("UPDATE cases_case SET description = %s WHERE id = %s", ["没有问题", bad.pk])
    assert _found() == [(bad.number, "case fields altered")]
    assert good.number != bad.number


# --- events ----------------------------------------------------------------------------------


def test_editing_an_event_row_in_the_database_is_caught(users, monday):
    case = resolved(users)
    _sql(
        "UPDATE cases_caseevent SET note = %s WHERE case_id = %s AND seq = 4", ["没有问题", case.pk]
    )
    problems = list(verify())
    assert [(p.number, p.seq, p.problem) for p in problems] == [(case.number, 4, "event altered")]


def test_backdating_an_event_is_caught(users, monday):
    case = resolved(users)
    event = CaseEvent.objects.get(case=case, seq=3)
    CaseEvent.objects.filter(pk=event.pk).update(at=event.at.replace(year=event.at.year - 1))
    assert _found() == [(case.number, "event altered")]


def test_changing_the_recorded_case_digest_of_an_event_is_caught(users, monday):
    case = resolved(users)
    CaseEvent.objects.filter(case=case, seq=4).update(case_digest="0" * 64)
    assert _found() == [(case.number, "event altered"), (case.number, "case fields altered")]


def test_deleting_an_event_in_the_middle_is_caught(users, monday):
    case = resolved(users)
    _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 2", [case.pk])
    assert _found() == [(case.number, "event missing"), (case.number, "event altered")]


def test_reordering_two_events_is_caught(users, monday):
    case = resolved(users)
    _sql("UPDATE cases_caseevent SET seq = 90 WHERE case_id = %s AND seq = 2", [case.pk])
    _sql("UPDATE cases_caseevent SET seq = 2 WHERE case_id = %s AND seq = 3", [case.pk])
    _sql("UPDATE cases_caseevent SET seq = 3 WHERE case_id = %s AND seq = 90", [case.pk])
    assert set(_found()) == {(case.number, "event altered")}


def test_deleting_the_last_event_is_caught(users, monday):
    case = resolved(users)
    _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 4", [case.pk])
    assert _found() == [(case.number, "history truncated")]


def test_cutting_off_the_last_events_and_resetting_the_head_is_caught(users, monday):
    case = resolved(users)
    kept = CaseEvent.objects.get(case=case, seq=2)
    CaseEvent.objects.filter(case=case, seq__gt=2).delete()
    Case.objects.filter(pk=case.pk).update(version=2, head_hash=kept.hash)
    # The row still says resolved, which the new head's digest does not: the fields betray it.
    assert _found() == [(case.number, "case fields altered")]


def test_deleting_all_events_of_a_case_is_caught(users, monday):
    case = resolved(users)
    CaseEvent.objects.filter(case=case).delete()
    Case.objects.filter(pk=case.pk).update(version=0, head_hash="")
    assert _found() == [(case.number, "history deleted")]


# --- ratings ---------------------------------------------------------------------------------


@pytest.fixture
def rated(users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="basically", comment="还行")
    return case


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("satisfaction", "satisfied"),
        ("solved", True),
        ("comment", "非常满意"),
        ("source", "callback"),
        ("division_code", JIANGDONG),
    ],
)
def test_changing_a_rating_is_caught(rated, column, value):
    Rating.objects.filter(case=rated).update(**{column: value})
    assert [(p.number, p.seq, p.problem) for p in verify()] == [(rated.number, 5, "rating altered")]


def test_moving_a_rating_to_another_unit_is_caught(rated, users):
    rating = Rating.objects.get(case=rated)
    Rating.objects.filter(pk=rating.pk).update(unit_id=users["outsider"].unit_id)
    assert _found() == [(rated.number, "rating altered")]


def test_moving_a_rating_to_another_time_is_caught_or_refused(rated):
    rating = Rating.objects.get(case=rated)
    Rating.objects.filter(pk=rating.pk).update(at=rating.at + timedelta(hours=1))
    if connection.vendor == "postgresql":
        # Partitioned, a rating's key on its event is (event_id, at): the database refuses.
        with pytest.raises(IntegrityError, match="cases_rating_event_id"):
            _sql("SET CONSTRAINTS ALL IMMEDIATE", [])
    else:
        assert _found() == [(rated.number, "rating altered")]


def test_moving_a_rating_to_another_case_is_caught(rated, users):
    other = resolved(users)
    Rating.objects.filter(case=rated).update(case=other)
    assert _found() == [(rated.number, "rating missing"), (other.number, "rating without event")]


def test_deleting_a_rating_is_caught(rated):
    _sql("DELETE FROM cases_rating WHERE case_id = %s", [rated.pk])
    assert [(p.number, p.seq, p.problem) for p in verify()] == [(rated.number, 5, "rating missing")]


def test_a_rating_row_without_its_event_is_caught(users, monday):
    case = resolved(users)
    resolve_event = CaseEvent.objects.get(case=case, kind=EventKind.RESOLVE)
    Rating.objects.create(
        case=case,
        event=resolve_event,
        unit_id=case.owner_id,
        division_code=case.division_id,
        at=resolve_event.at,
        solved=True,
        satisfaction="satisfied",
        source="link",
    )
    assert _found() == [(case.number, "rating without event")]


# --- attachments -----------------------------------------------------------------------------


@pytest.fixture
def photo(users, monday, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = dispatched(users)
    attachment = services.case_attach_photo(case=case, file=ContentFile(PNG, name="road.png"))
    return case, attachment


def test_attaching_a_photo_records_its_digest_in_the_history(photo):
    case, attachment = photo
    event = case.events.get(kind=EventKind.ATTACH)
    assert event.data["attachment"] == attachment.pk
    assert event.data["name"] == attachment.file.name
    assert (event.data["size"], event.data["type"]) == (attachment.size, "image/png")
    assert len(event.data["sha256"]) == 64 and event.at == attachment.uploaded_at


@pytest.mark.parametrize(
    ("column", "value"),
    [("file", "cases/2026/03/other.png"), ("size", 1), ("content_type", "image/jpeg")],
)
def test_changing_an_attachment_row_is_caught(photo, column, value):
    case, attachment = photo
    CaseAttachment.objects.filter(pk=attachment.pk).update(**{column: value})
    assert [(p.number, p.seq, p.problem) for p in verify()] == [
        (case.number, 3, "attachment altered")
    ]


def test_replacing_the_photo_bytes_is_caught_when_files_are_checked(photo, tmp_path):
    case, attachment = photo
    (tmp_path / attachment.file.name).write_bytes(PNG + b"edited")
    assert _found() == []  # rows alone cannot see the bytes
    assert _found(files=True) == [(case.number, "attachment file altered")]


def test_a_deleted_photo_file_is_caught_when_files_are_checked(photo, tmp_path):
    case, attachment = photo
    (tmp_path / attachment.file.name).unlink()
    assert _found(files=True) == [(case.number, "attachment file altered")]


def test_deleting_an_attachment_row_is_caught(photo):
    case, attachment = photo
    _sql("DELETE FROM cases_caseattachment WHERE id = %s", [attachment.pk])
    assert _found() == [(case.number, "attachment missing")]


def test_an_attachment_row_without_its_event_is_caught(photo):
    case, attachment = photo
    CaseAttachment.objects.create(
        case=case, file="cases/x.png", uploaded_at=attachment.uploaded_at, size=3, content_type="a"
    )
    assert _found() == [(case.number, "attachment without event")]


# --- a live system ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_a_transition_committed_while_the_verifier_walks_is_not_taken_for_tampering(users):
    tampered, busy = resolved(users), accepted(users)
    Case.objects.filter(pk=tampered.pk).update(answer="x")
    walk = verify(batch_size=1)
    assert next(walk).number == tampered.number  # the walk stands after the first case

    def resolve_elsewhere():
        try:
            services.case_resolve(case=busy, by=users["cadre"], answer="已修复")
        finally:
            connections.close_all()

    worker = threading.Thread(target=resolve_elsewhere)
    worker.start()
    worker.join(timeout=30)
    assert list(walk) == []  # one snapshot for every stream: the new event is not half-seen
    assert Case.objects.get(pk=busy.pk).state == State.RESOLVED
    assert _found() == [(tampered.number, "case fields altered")]


# --- the command -----------------------------------------------------------------------------


def test_verify_history_command_names_the_case_and_problem_and_fails(users, monday, capsys):
    good, bad = resolved(users), resolved(users)
    assert main(["verify-history"]) == 0
    _sql("UPDATE cases_case SET answer = 'x' WHERE id = %s", [bad.pk])
    assert main(["verify-history"]) == 1
    out = capsys.readouterr().out.split("passed")[-1]
    assert f"case {bad.number}: case fields altered (event 4)" in out
    assert good.number not in out


def test_keeping_flagging_and_rating_a_merged_request_verify_clean(users, monday):
    from jiceng.cases.models import Category, Channel
    from jiceng.cases.sweep import sweep
    from jiceng.core import clock

    kept = services.case_submit(
        category=Category.objects.get(code="transport"),
        description="三组的水泥路塌了一个坑。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        channel=Channel.IN_PERSON,
        by=users["grid_worker"],
    )
    waiting = submit(users)
    with clock.frozen_at(waiting.respond_by + timedelta(minutes=1)):
        assert sweep().flagged == [waiting.number]
    survivor = resolved(users)
    duplicate = submit(users, contact_phone="13900002222")
    services.case_merge(case=duplicate, into=survivor, by=users["dispatcher"])
    duplicate = Case.objects.get(pk=duplicate.pk)
    services.case_rate(case=duplicate, solved=False, satisfaction="unsatisfied", comment="没修好")
    assert kept.state == "dispatched"
    assert list(verify()) == []
