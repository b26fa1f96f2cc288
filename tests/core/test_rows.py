"""plain_rows gives exactly what values() gives, on either database."""

import pytest
from django.db.models import Count

from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.core.rows import plain_rows

from factories import dispatched, resolved, submit

pytestmark = pytest.mark.django_db

FIELDS = (
    "pk",
    "number",
    "submitted_at",
    "resolved_at",
    "closed_at",
    "owner__name",
    "merged_into__number",
    "resident__phone_masked",
)


def test_rows_match_values_with_datetimes_nulls_and_joins(users, monday):
    cases = [dispatched(users), resolved(users)]
    services.case_merge(case=submit(users), into=cases[0], by=users["dispatcher"])
    values = Case.objects.order_by("pk").values(*FIELDS)
    rows = plain_rows(values)
    assert rows == list(values)
    assert len(rows) == 3
    assert rows[1]["resolved_at"] is not None and rows[1]["resolved_at"].utcoffset() is not None
    assert rows[2]["merged_into__number"] == cases[0].number


def test_an_empty_or_impossible_filter_gives_no_rows(users, monday):
    dispatched(users)
    assert plain_rows(Case.objects.filter(pk__in=[]).values(*FIELDS)) == []
    assert plain_rows(Case.objects.filter(number="none").values(*FIELDS)) == []


def test_a_sliced_page_and_an_annotated_query_match_values(users, monday):
    for _ in range(4):
        dispatched(users)
    page = Case.objects.order_by("-pk").values(*FIELDS)[1:3]
    assert plain_rows(page) == list(page)
    counted = Case.objects.values("state").annotate(n=Count("pk")).order_by("state")
    assert plain_rows(counted) == list(counted) == [{"state": "dispatched", "n": 4}]


def test_timestamps_keep_their_instant_and_zone_on_the_fast_path(users, monday):
    """On PostgreSQL the driver's C loader replaces Django's; instants and UTC stay."""
    from django.db import connection

    from jiceng.core.rows import PlainQuery

    case = resolved(users)
    values = Case.objects.filter(pk=case.pk).values("submitted_at", "resolved_at")
    plain = PlainQuery.of(values)
    assert plain is not None
    assert plain.native_timestamps == (connection.vendor == "postgresql")
    (row,) = plain.rows()
    assert row == values.get()
    for moment in row.values():
        assert moment.utcoffset().total_seconds() == 0
        assert moment.isoformat().endswith("+00:00")
    # The cursor's loader is swapped for this query only: Django's ORM still reads as before.
    assert Case.objects.get(pk=case.pk).resolved_at == row["resolved_at"]


def test_a_kept_query_is_prepared_once_per_connection_on_postgresql(users, monday):
    """PostgreSQL plans a prepared statement once, not at every request."""
    from django.db import connection

    from jiceng.core.rows import PlainQuery

    dispatched(users)
    values = Case.objects.filter(number__startswith="2").order_by("-pk").values(*FIELDS)
    kept, once = PlainQuery.of(values, keep=True), PlainQuery.of(values.filter(pk__gt=0))
    assert kept is not None and once is not None
    first, second = kept.rows(), kept.rows()
    assert first == second == once.rows() == list(values)
    if connection.vendor != "postgresql":
        return
    assert kept.params is None and "LIKE '2%'" in kept.sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    # A query that is not kept is not prepared: that would cost it a round trip more.
    assert kept.sql in prepared and once.sql not in prepared


def test_statement_cursor_binds_parameters_and_reports_errors_as_django_does(users, monday):
    from django.db import DatabaseError, connection
    from django.test.utils import CaptureQueriesContext

    from jiceng.core.rows import statement_cursor

    case = dispatched(users)
    sql = f"SELECT number FROM {Case._meta.db_table} WHERE id = %s"
    with CaptureQueriesContext(connection) as logged, statement_cursor(connection) as cursor:
        cursor.execute(sql, [case.pk])
        assert cursor.fetchone() == (case.number,)
    # Django's query log names the statement (debug pages, CaptureQueriesContext).
    assert [query["sql"] for query in logged.captured_queries] == [
        sql if connection.vendor == "postgresql" else sql.replace("%s", str(case.pk))
    ]
    with pytest.raises(DatabaseError), statement_cursor(connection) as cursor:
        cursor.execute("SELECT no_such_column FROM cases_case")


def test_a_subquery_annotation_and_an_encrypted_field_match_values(users, monday):
    """As the Open311 list reads: the last event's time and the resident's (decrypted) name."""
    from django.db.models import OuterRef, Subquery

    from jiceng.cases.models import CaseEvent
    from jiceng.core.rows import PlainQuery

    for _ in range(3):
        resolved(users)
    last = CaseEvent.objects.filter(case_id=OuterRef("pk")).order_by("-seq").values("at")
    values = Case.objects.values("number", "resident__name", updated_at=Subquery(last[:1]))
    values = values.order_by("-pk")
    assert PlainQuery.of(values) is not None
    rows = plain_rows(values)
    assert rows == list(values) and len(rows) == 3
    assert all(row["updated_at"].utcoffset().total_seconds() == 0 for row in rows)
    assert all(
        row["resident__name"] and not row["resident__name"].startswith("gAAAA") for row in rows
    )
    # values() of every field, then an annotation: the same columns in the same order.
    everything = Case.objects.values().annotate(updated_at=Subquery(last[:1])).order_by("pk")
    assert plain_rows(everything) == list(everything)


def test_a_bound_query_runs_again_with_other_values_as_values_list_gives(users, monday):
    """``bound``: compiled once, run for each case with its id bound (verify one case)."""
    from django.db import connection

    from jiceng.cases.models import CaseEvent
    from jiceng.cases.verification.streams import EVENT_FIELDS, EVENT_ORDER
    from jiceng.core.rows import PlainQuery

    cases = [dispatched(users), resolved(users), submit(users)]
    services.case_merge(case=submit(users), into=cases[0], by=users["dispatcher"])

    def events(case_id):
        return CaseEvent.objects.filter(case_id=case_id).order_by(*EVENT_ORDER)

    bound = PlainQuery.of(events(0).values_list(*EVENT_FIELDS), keep=True, bound=True)
    assert bound is not None and bound.params == (0,)
    for case in [*cases, *cases]:
        assert bound.tuples(case.pk) == list(events(case.pk).values_list(*EVENT_FIELDS))
    assert bound.tuples(-1) == []
    with pytest.raises(ValueError, match="takes 1 values, not 2"):
        bound.tuples(1, 2)
    if connection.vendor == "postgresql":
        # The id is a parameter of one prepared statement, not a statement per case.
        assert "%s" in bound.sql
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["%cases_caseevent%"],
            )
            assert cursor.fetchone() == (1,)
