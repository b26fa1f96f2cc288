"""Notes the system writes into a case's history, shown in the reader's language.

What was stored is never rewritten (the history is hash-chained): a note written in
Chinese by the sweep is read back in English and the chain still verifies.
"""

import pytest
from django.utils import translation

from jiceng.cases import services, sweep
from jiceng.cases.models import CaseEvent, EventKind, Satisfaction
from jiceng.cases.notes import note_text
from jiceng.cases.verification.run import verify

from factories import accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db


def _last(case, kind):
    return CaseEvent.objects.filter(case=case, kind=kind).latest("seq")


def test_the_sweep_s_chinese_escalation_note_reads_in_english_and_stays_stored(users, monday):
    case = accepted(users)
    with translation.override("zh-hans"):
        sweep._escalate(case)
    event = _last(case, EventKind.ESCALATE)
    assert event.note == "已超过办结期限。"
    assert note_text(event) == "The resolution deadline passed."
    with translation.override("zh-hans"):
        assert note_text(event) == "已超过办结期限。"
    assert list(verify()) == []


def test_a_merge_note_keeps_the_case_number_in_either_language(users, monday):
    survivor = dispatched(users)
    duplicate = submit(users)
    services.case_merge(case=duplicate, into=survivor, by=users["dispatcher"])
    event = _last(survivor, EventKind.NOTE)
    with translation.override("zh-hans"):
        assert note_text(event) == f"工单 {duplicate.number} 已合并到本工单。"
    assert note_text(event) == f"Case {duplicate.number} was merged into this one."


def test_an_unsatisfied_rating_without_comment_reopens_with_a_translated_reason(users, monday):
    case = resolved(users)
    with translation.override("zh-hans"):
        services.case_rate(
            case=case, solved=False, satisfaction=Satisfaction.UNSATISFIED, comment="", by=None
        )
    assert note_text(_last(case, EventKind.REOPEN)) == "The resident was not satisfied."


def test_what_people_wrote_is_shown_as_written_even_when_it_reads_like_the_system(users):
    case = accepted(users)
    services.case_note(case=case, by=users["cadre"], note="已超过办结期限。我们明天去现场。")
    services.case_escalate(case=case, by=users["cadre"], reason="The resident was not satisfied.")
    assert note_text(_last(case, EventKind.NOTE)) == "已超过办结期限。我们明天去现场。"
    assert note_text(_last(case, EventKind.ESCALATE)) == "The resident was not satisfied."
