"""Dashboard exports: the same rows as the page's tables, scoped the same way, and inert.

The month: in March 2026, case A (天竺) is dispatched, accepted in time, resolved and
rated 满意 + solved; case B (百树) is dispatched and accepted late, then resolved by the
township after an escalation and rated 基本满意 + solved; C (天竺) was submitted and waits
to be dispatched; E (江东, 暨阳街道) is dispatched and waits.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from openpyxl import load_workbook

from jiceng.cases import services
from jiceng.core import clock
from jiceng.insights.rates import wilson

from factories import BAISHU, FENGQIAO, JIANGDONG, TIANZHU, at, dispatched_in_march, local, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_trends():
    cache.clear()  # settled months of the trend are cached; each test brings its own cases


APRIL_10 = local(2026, 4, 10, 9, 0)
KEYS = ["ranking", "units", "trends", "backlog", "oldest", "local"]
TOO_FEW = "Too few ratings"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    settings.JICENG_RANKING_MIN_RATED = 1  # the month has two ratings


def _interval(part, whole):
    low, high = wilson(part, whole)
    return f"{low * 100:.1f}–{high * 100:.1f}%"


@pytest.fixture
def march(users):
    a, t = dispatched_in_march(users, 2, village=TIANZHU)
    at(t + timedelta(hours=1), services.case_accept, case=a, by=users["cadre"])
    at(t + timedelta(days=1), services.case_resolve, case=a, by=users["cadre"], answer="修好")
    at(t + timedelta(days=2), services.case_rate, case=a, solved=True, satisfaction="satisfied")
    b, t = dispatched_in_march(users, 3, village=BAISHU)
    at(t + timedelta(hours=30), services.case_accept, case=b, by=users["neighbour_cadre"])
    at(
        t + timedelta(hours=31),
        services.case_escalate,
        case=b,
        by=users["neighbour_cadre"],
        reason="需镇协调",
    )
    at(t + timedelta(hours=32), services.case_accept, case=b, by=users["township"])
    at(t + timedelta(days=3), services.case_resolve, case=b, by=users["township"], answer="好")
    at(t + timedelta(days=4), services.case_rate, case=b, solved=True, satisfaction="basically")
    e, _t = dispatched_in_march(users, 6, village=JIANGDONG)
    c = at(local(2026, 3, 20, 9, 0), submit, users=users, village=TIANZHU)
    return {"a": a, "b": b, "c": c, "e": e}


def _get(client, user, url):
    client.force_login(user)
    with clock.frozen_at(APRIL_10):
        return client.get(url)


def _sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


HEADING = 3  # what, where, when; then a blank row


def _xlsx(response):
    """The table under the sheet's heading: its header row, then its rows."""
    rows = _sheet(response)
    assert all(value is None for value in rows[HEADING])
    return rows[HEADING + 1 :]


def _heading(response):
    return [row[0] for row in _sheet(response)[:HEADING]]


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _page_table(client, user, key, query):
    response = _get(client, user, f"/dashboard/?{query}")
    return next(s.table for s in response.context["sections"] if s.table.key == key)


def _same(cell, value):
    if isinstance(value, float):
        return cell == pytest.approx(value)
    if hasattr(value, "isoformat"):
        return cell == value.isoformat()
    return cell == value


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("query", ["month=2026-03", f"month=2026-03&area={FENGQIAO}"])
def test_the_excel_file_has_the_rows_and_headers_of_the_table_on_the_page(
    client, users, march, key, query
):
    table = _page_table(client, users["leader"], key, query)
    rows = _xlsx(_get(client, users["leader"], f"/dashboard/export/{key}.xlsx?{query}"))
    assert rows[0] == [column.header for column in table.columns]
    assert len(rows) - 1 == len(table.rows) > 0
    for got, expected in zip(rows[1:], table.rows, strict=True):
        assert all(_same(c, v) for c, v in zip(got, expected, strict=True)), (got, expected)


def test_the_ranking_export_matches_the_month_counted_by_hand(client, users, march):
    url = f"/dashboard/export/ranking.xlsx?month=2026-03&area={FENGQIAO}"
    rows = _xlsx(_get(client, users["township"], url))
    # 天竺: A in time, 满意 + solved → 100%, 100%, 100%, composite 100.
    one = _interval(1, 1)
    assert rows[1] == [1, "天竺社区居委会", 1, "1/1", one, 1, "1/1", one, 1, "1/1", one, 100]
    # 百树: B accepted late → 0 of 1. B's escalation and its rating are the township
    # government's, not 百树's: no ratings, no score, not ranked.
    none = [None, "0/0", None]
    assert rows[2] == [TOO_FEW, "百树社区居委会", 0, "0/1", _interval(0, 1), *none, *none, None]


def test_the_csv_file_shows_rates_as_percentages_and_no_data_as_empty(client, users, march):
    rows = _csv(_get(client, users["leader"], "/dashboard/export/ranking.csv?month=2026-03"))
    assert rows[0][:4] == ["Rank", "Township", "Response rate", "Answered in time / clocks"]
    # 枫桥镇 = 天竺 (1/1) + 百树 (0/1) + its government (B's escalation, 1/1): 2/3;
    # ratings A (天竺) and B (government): both solved, 满意 + 基本满意 → 100%.
    two = _interval(2, 2)
    assert rows[1] == [
        *["1", "枫桥镇", "66.7%", "2/3", _interval(2, 3)],
        *["100.0%", "2/2", two, "100.0%", "2/2", two, "90.0"],
    ]
    empty = ["", "0/0", ""]
    assert rows[2] == [TOO_FEW, "暨阳街道", "0.0%", "0/1", _interval(0, 1), *empty, *empty, ""]


def test_the_file_is_named_after_the_table_area_and_month(client, users, march):
    response = _get(client, users["leader"], f"/dashboard/export/backlog.csv?area={FENGQIAO}")
    assert response["Content-Disposition"] == (
        f'attachment; filename="backlog-{FENGQIAO}-2026-03.csv"'
    )


def test_a_case_titled_like_a_formula_is_exported_inert(client, users, places):
    at(APRIL_10 - timedelta(days=40), submit, users=users, title="=1+1")
    at(APRIL_10 - timedelta(days=30), submit, users=users, title='@SUM(A1)+"x"')
    xlsx = _xlsx(_get(client, users["leader"], "/dashboard/export/oldest.xlsx"))
    assert [row[1] for row in xlsx[1:]] == ["'=1+1", '\'@SUM(A1)+"x"']
    csv_rows = _csv(_get(client, users["leader"], "/dashboard/export/oldest.csv"))
    assert [row[1] for row in csv_rows[1:]] == ["'=1+1", '\'@SUM(A1)+"x"']


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil.example","点我")', "+86 村", "-村", "@村"]
)
def test_a_village_named_like_a_formula_is_exported_inert(client, users, march, places, name):
    places[TIANZHU].name = name
    places[TIANZHU].save()
    for key in ("ranking", "backlog", "local"):
        url = f"/dashboard/export/{key}.xlsx?month=2026-03&area={FENGQIAO}"
        names = {
            row[1] if key == "ranking" else row[0]
            for row in _xlsx(_get(client, users["township"], url))
        }
        assert "'" + name in names and name not in names
        url = url.replace(".xlsx", ".csv")
        names = {
            row[1] if key == "ranking" else row[0]
            for row in _csv(_get(client, users["township"], url))
        }
        assert "'" + name in names and name not in names


def test_an_unknown_table_is_not_found(client, users, march):
    assert _get(client, users["leader"], "/dashboard/export/salaries.xlsx").status_code == 404


def test_a_bad_month_is_refused_with_what_is_expected(client, users, march):
    response = _get(client, users["leader"], "/dashboard/export/ranking.csv?month=2026-13")
    assert response.status_code == 400
    assert "Enter a month as year-month" in response.content.decode()


# --- who may download -----------------------------------------------------------------------


def _leaks(response):
    body = response.content.decode("utf-8", errors="replace")
    return any(name in body for name in ("枫桥镇", "天竺", "百树", "暨阳街道", "江东"))


@pytest.mark.parametrize("ext", ["xlsx", "csv"])
@pytest.mark.parametrize("key", KEYS)
def test_the_outsider_cannot_export_another_township(client, users, march, key, ext):
    response = _get(client, users["outsider"], f"/dashboard/export/{key}.{ext}?area={FENGQIAO}")
    assert response.status_code == 403 and not _leaks(response)


@pytest.mark.parametrize("ext", ["xlsx", "csv"])
@pytest.mark.parametrize("key", KEYS)
def test_township_staff_cannot_export_the_county(client, users, march, key, ext):
    response = _get(client, users["township"], f"/dashboard/export/{key}.{ext}?area=330681")
    assert response.status_code == 403 and not _leaks(response)


@pytest.mark.parametrize("role", ["outsider_cadre", "cadre", "dispatcher", "water", "resident"])
@pytest.mark.parametrize("key", KEYS)
def test_roles_without_the_dashboard_cannot_export_anything(client, users, march, key, role):
    for ext in ("xlsx", "csv"):
        response = _get(client, users[role], f"/dashboard/export/{key}.{ext}")
        assert response.status_code == 403 and not _leaks(response)


@pytest.mark.parametrize("key", KEYS)
def test_the_outsider_exports_only_their_own_township(client, users, march, key):
    rows = _csv(_get(client, users["outsider"], f"/dashboard/export/{key}.csv?month=2026-03"))
    body = "\n".join(",".join(row) for row in rows)
    assert "天竺" not in body and "百树" not in body and "枫桥" not in body
    if key == "trends":
        empty = ["", "0/0", ""]
        assert rows[-1] == ["2026-03", "0.0%", "0/1", _interval(0, 1), *empty, *empty, ""]
    elif key == "units":
        assert "暨阳街道办事处" in body  # the township's own government
    else:
        assert "江东" in body


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = Client().get("/dashboard/export/ranking.xlsx")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_oldest_requests_export_masks_phones_and_names_typed_into_titles(client, users, places):
    at(APRIL_10 - timedelta(days=40), submit, users=users, title="我叫李秀英，电话13987654321")
    csv_rows = _csv(_get(client, users["leader"], "/dashboard/export/oldest.csv"))
    xlsx = _xlsx(_get(client, users["leader"], "/dashboard/export/oldest.xlsx"))
    for rows in (csv_rows, xlsx):
        assert [row[1] for row in rows[1:]] == ["我叫李**，电话139****4321"]
        assert "13987654321" not in str(rows) and "李秀英" not in str(rows)


def test_the_excel_sheet_names_the_table_area_and_month_above_the_table(client, users, march):
    url = f"/dashboard/export/ranking.xlsx?month=2026-03&area={FENGQIAO}"
    heading = _heading(_get(client, users["leader"], url))
    assert heading[1:] == ["Area: 枫桥镇", "Period: 2026-03"] and heading[0]
    sheet = load_workbook(io.BytesIO(_get(client, users["leader"], url).content)).active
    assert sheet.freeze_panes == "A6"


def test_a_snapshot_export_names_the_day_it_was_taken(client, users, march):
    url = f"/dashboard/export/backlog.xlsx?area={FENGQIAO}"
    heading = _heading(_get(client, users["leader"], url))
    assert heading == ["Backlog by age", "Area: 枫桥镇", "Period: now (2026-04-10)"]


def test_the_sheet_heading_is_in_chinese_for_chinese_readers(client, users, march, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    url = f"/dashboard/export/ranking.xlsx?month=2026-03&area={FENGQIAO}"
    heading = _heading(_get(client, users["leader"], url))
    assert heading[1:] == ["区域：枫桥镇", "时段：2026-03"]


def test_an_area_named_like_a_formula_stays_inert_in_the_heading(client, users, march, places):
    places[FENGQIAO].name = "=1+1"
    places[FENGQIAO].save()
    url = f"/dashboard/export/backlog.xlsx?area={FENGQIAO}"
    response = _get(client, users["leader"], url)
    assert _heading(response)[1] == "Area: =1+1"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].data_type == "s"
