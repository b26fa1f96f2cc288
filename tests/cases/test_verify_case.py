"""One case checked on its own (``verify_case``, ``verify-history --case``) finds what the
whole walk finds for that case, and nothing of the others'."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from jiceng.cases import services
from jiceng.cases.models import Case, CaseEvent, Rating
from jiceng.cases.verification import verify
from jiceng.cases.verification.one import verify_case
from jiceng.cli import main

from factories import photo, resolved

pytestmark = pytest.mark.django_db


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _rated(users):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="basically", comment="还行")
    return case


TAMPERINGS = {
    "event note": lambda c: _sql(
        "UPDATE cases_caseevent SET note = 'x' WHERE case_id = %s AND seq = 2", [c.pk]
    ),
    "event deleted": lambda c: _sql(
        "DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 2", [c.pk]
    ),
    "rating and its event deleted": lambda c: (
        Rating.objects.filter(case=c).delete(),
        _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 5", [c.pk]),
    ),
    "case row": lambda c: Case.objects.filter(pk=c.pk).update(description="没有问题"),
    "digest": lambda c: CaseEvent.objects.filter(case=c, seq=4).update(case_digest="0" * 64),
    "rating": lambda c: Rating.objects.filter(case=c).update(comment="非常满意"),
    "rating deleted": lambda c: Rating.objects.filter(case=c).delete(),
}


@pytest.mark.parametrize("tamper", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_one_case_reports_exactly_what_the_whole_walk_reports_for_it(users, monday, tamper):
    bad, good = _rated(users), _rated(users)
    tamper(bad)
    whole = list(verify())
    assert whole and {p.case_id for p in whole} == {bad.pk}
    assert verify_case(bad.pk) == whole
    assert verify_case(good.pk) == []


def test_an_altered_photo_row_is_caught_for_the_one_case(users, monday):
    case = resolved(users)
    attachment = services.case_attach_photo(
        case=case, file=ContentFile(photo("PNG"), name="road.png")
    )
    assert verify_case(case.pk) == []
    _sql("UPDATE cases_caseattachment SET size = 1 WHERE id = %s", [attachment.pk])
    assert [p.problem for p in verify_case(case.pk)] == ["attachment altered"]


def test_the_command_checks_one_case_by_number(users, monday, capsys):
    good, bad = _rated(users), _rated(users)
    Rating.objects.filter(case=bad).update(comment="非常满意")
    assert main(["verify-history", "--case", good.number]) == 0
    assert main(["verify-history", "--case", bad.number]) == 1
    out = capsys.readouterr().out
    assert f"case {bad.number}: rating altered (event 5)" in out
    assert good.number not in out.replace(f"case {good.number}'s chain is intact", "")


def test_the_command_names_a_number_that_is_no_case(users, capsys):
    assert main(["verify-history", "--case", "000000-0000"]) == 2
    assert "no case numbered 000000-0000" in capsys.readouterr().err
