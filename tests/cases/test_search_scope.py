"""Scoped full-text search: the area's place token narrows the index, the scope still decides.

Runs on SQLite (FTS5) and on PostgreSQL (tsvector + GIN) alike.
"""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from jiceng.cases import search, selectors
from jiceng.cases.models import Case, CaseSearch
from jiceng.cases.permissions import visible_cases
from jiceng.cases.search.places import Narrowing, implied_narrowing
from jiceng.cases.selectors import CaseFilters, within
from jiceng.cases.services import case_dispatch
from jiceng.people.models import Role, UnitKind, User
from jiceng.people.units.setup import ensure_unit
from jiceng.places.models import Division, Level

from factories import BAISHU, FENGQIAO, JIANGDONG, TIANZHU, submit

pytestmark = pytest.mark.django_db

place_tokens_migration = importlib.import_module(
    "jiceng.cases.migrations.0007_case_search_place_tokens"
)
block_tokens_migration = importlib.import_module(
    "jiceng.cases.migrations.0018_case_search_block_tokens"
)
# What the migration's functions use of a schema editor (SQLite's cannot open inside a test).
_editor = SimpleNamespace(connection=connection)


def _found(user, text, *, tab="area", place=""):
    cases = selectors.area_cases(user) if tab == "area" else selectors.queue_cases(user)
    return [c.number for c in selectors.filter_cases(cases, CaseFilters(text=text, place=place))]


@pytest.fixture
def stories(users, monday):
    return {
        "lamp": submit(users, description="村口的路灯坏了三个星期，晚上很黑。"),
        "river": submit(users, description="河道里漂着很多垃圾，路灯也不亮。", village=BAISHU),
        "away": submit(users, description="小区路灯坏了，垃圾没人收。", village=JIANGDONG),
        # Writes 枫桥镇's place token in its text: found by the token, still not in scope there.
        "forger": submit(users, description="路灯坏了 d330681109 d330681109002", village=JIANGDONG),
    }


# --- what the queryset implies ----------------------------------------------------------------


def test_an_area_list_implies_the_users_township_or_village(users):
    assert search.implied_place(selectors.area_cases(users["township"])) == FENGQIAO
    assert search.implied_place(selectors.area_cases(users["cadre"])) == TIANZHU


def test_a_county_wide_area_list_implies_the_county(users):
    # The area list always narrows to the jurisdiction by range (the open cases by place).
    assert search.implied_place(selectors.area_cases(users["dispatcher"])) == "330681"
    assert search.implied_place(selectors.area_cases(users["water"])) == "330681"


def test_the_own_queue_implies_no_place(users):
    assert search.implied_place(selectors.queue_cases(users["township"])) == ""
    assert search.implied_place(visible_cases(users["township"])) == ""  # own unit's: anywhere


def test_a_place_filter_implies_that_place(users):
    queue = selectors.queue_cases(users["township"])
    assert search.implied_place(queue.filter(within(BAISHU))) == BAISHU
    assert search.implied_place(Case.objects.filter(division__code__startswith=FENGQIAO)) == (
        FENGQIAO
    )


def test_a_place_condition_under_or_or_not_implies_nothing(users):
    either = Q(division__gte=FENGQIAO, division__lt="330681110") | Q(owner_id=1)
    assert search.implied_place(Case.objects.filter(either)) == ""
    assert search.implied_place(Case.objects.exclude(within(FENGQIAO))) == ""


def test_a_range_wider_than_one_division_implies_the_division_holding_it(users):
    two_townships = Case.objects.filter(division__gte=FENGQIAO, division__lt="330681111")
    assert search.implied_place(two_townships) == "330681"
    assert search.implied_place(Case.objects.filter(division__gte=FENGQIAO)) == ""


def test_a_scope_of_a_place_or_the_units_own_cases_implies_both(users, org):
    centre, fengqiao = org["centre"].pk, org["fengqiao"].pk
    assert implied_narrowing(visible_cases(users["dispatcher"])) == Narrowing("330681", (centre,))
    assert implied_narrowing(selectors.queue_cases(users["dispatcher"])) == Narrowing(
        "330681", (centre,)
    )
    assert implied_narrowing(visible_cases(users["water"])).place == "330681"
    assert implied_narrowing(visible_cases(users["township"])) == Narrowing(FENGQIAO, (fengqiao,))
    assert implied_narrowing(selectors.area_cases(users["township"])) == Narrowing(FENGQIAO)


def test_an_or_with_a_branch_of_neither_place_nor_owner_implies_nothing(users, org):
    unit = org["centre"].pk
    assert implied_narrowing(Case.objects.filter(Q(owner_id=unit) | Q(number="1"))) == Narrowing()
    two_places = Q(division__code__startswith=FENGQIAO) | Q(division__code__startswith="330682")
    assert implied_narrowing(Case.objects.filter(two_places | Q(owner_id=unit))) == Narrowing()
    assert implied_narrowing(Case.objects.exclude(within(FENGQIAO) | Q(owner_id=unit))) == (
        Narrowing()
    )


@pytest.fixture
def other_county(users, places, monday):
    """A second county with its own dispatcher, one case there and one its centre owns here."""
    county = Division.objects.create(
        code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306"
    )
    township = Division.objects.create(
        code="330682001", name="百官街道", level=Level.TOWNSHIP, parent=county
    )
    Division.objects.create(
        code="330682001001", name="龙山社区", level=Level.VILLAGE, parent=township
    )
    centre = ensure_unit(county, UnitKind.DISPATCH, active=True)
    dispatcher = User.objects.create_user(
        username="other_dispatcher", password="pw", role=Role.DISPATCHER, unit=centre
    )
    there = submit(users, description="龙山路灯坏了，路口很黑。", village="330682001001")
    # Handed over across the county line (a transfer): the centre owns a case outside its county.
    here = submit(users, description="枫桥路灯倒了，挡住了路。")
    Case.objects.filter(pk=here.pk).update(owner=centre)
    return {"dispatcher": dispatcher, "there": there, "here": here}


# --- what a scoped search finds ---------------------------------------------------------------


def test_the_index_is_asked_for_the_areas_place_token(users, stories):
    with CaptureQueriesContext(connection) as queries:
        found = _found(users["township"], "路灯")
    assert set(found) == {stories["lamp"].number, stories["river"].number}
    assert any("d330681109" in str(query["sql"]) for query in queries.captured_queries)


@pytest.mark.parametrize("who", ["township", "cadre", "neighbour_cadre", "outsider", "water"])
@pytest.mark.parametrize("text", ["路灯", "路灯 垃圾", "垃圾", "路灯坏了", "天竺社区", "河"])
def test_a_scoped_search_finds_exactly_the_matches_in_scope(users, stories, who, text):
    everywhere = {c.number for c in search.search_cases(Case.objects.all(), text)}
    for tab in ("area", "mine"):
        cases = (
            selectors.area_cases(users[who]) if tab == "area" else selectors.queue_cases(users[who])
        )
        in_scope = set(cases.values_list("number", flat=True))
        assert set(_found(users[who], text, tab=tab)) == everywhere & in_scope


def test_an_outsider_never_finds_a_case_of_another_area(users, stories):
    for text in ("路灯", "枫桥镇", "天竺社区", "垃圾", "d330681109"):
        found = set(_found(users["outsider"], text)) | set(_found(users["outsider_cadre"], text))
        assert found <= {stories["away"].number, stories["forger"].number}


@pytest.mark.parametrize("at_once", [0, 1, 10_000])
@pytest.mark.parametrize("text", ["路灯", "路灯 坏了", "龙山", "枫桥", "d330681", "d330682"])
def test_a_dispatcher_finds_exactly_the_county_and_the_centres_own_cases(
    users, stories, other_county, monkeypatch, text, at_once
):
    # The centre's own cases outside the county: read under a limit, or again whole past it.
    monkeypatch.setattr(search.ranking, "OWNED_OUTSIDE_AT_ONCE", at_once)
    everywhere = {c.number for c in search.search_cases(Case.objects.all(), text)}
    for who in (users["dispatcher"], other_county["dispatcher"]):
        for cases in (visible_cases(who), selectors.queue_cases(who), selectors.area_cases(who)):
            in_scope = set(cases.values_list("number", flat=True))
            found = {c.number for c in search.search_cases(cases, text)}
            assert found == everywhere & in_scope


def test_a_dispatchers_search_asks_the_index_for_the_county_on_postgresql(
    users, stories, other_county
):
    with CaptureQueriesContext(connection) as queries:
        found = {c.number for c in search.search_cases(visible_cases(users["dispatcher"]), "路灯")}
    assert other_county["here"].number in found and other_county["there"].number not in found
    asked = any("d330681" in str(query["sql"]) for query in queries.captured_queries)
    # FTS5 cannot add the centre's cases outside the county to the county's matches.
    assert asked == (connection.vendor == "postgresql")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN scan keys: PostgreSQL only")
def test_the_place_is_a_condition_of_its_own_beside_the_words(users, stories, other_county):
    # Inside the words' tsquery the place token is checked at every item of the rarest word,
    # so two words that never meet read the county's whole posting list; as a condition of
    # its own it is a second GIN scan key (bench/city/README.md, "Session 13").
    cases = visible_cases(users["dispatcher"])
    with CaptureQueriesContext(connection) as queries:
        found = {c.number for c in search.search_cases(cases, "路灯 坏了")}
    assert found == {stories[story].number for story in ("lamp", "away", "forger")}
    searched = [q["sql"] for q in queries.captured_queries if "to_tsquery" in q["sql"]]
    words = "@@ to_tsquery('simple', '(''路灯'') & (''坏了'')') AND "
    place = "@@ to_tsquery('simple', '''d330681''')"
    finding = searched[:-1]  # the last statement ranks the matches found
    vector = '"cases_casesearch"."vector" '
    assert finding and all(words + vector + place in sql for sql in finding)
    assert all(sql.count("d330681'") == 1 for sql in finding)


def test_another_countys_dispatcher_never_finds_a_case_of_this_county(users, stories, other_county):
    own = {other_county["there"].number, other_county["here"].number}
    for text in ("路灯", "枫桥镇", "天竺社区", "垃圾", "d330681", "d330681109"):
        found = {
            c.number for c in search.search_cases(visible_cases(other_county["dispatcher"]), text)
        }
        assert found <= own
    assert other_county["there"].number not in _found(users["dispatcher"], "路灯")
    # The centre's own case here is in this county too: both dispatchers see it.
    assert other_county["here"].number in {
        c.number for c in search.search_cases(visible_cases(other_county["dispatcher"]), "枫桥路灯")
    }


def test_a_case_writing_another_areas_place_token_stays_out_of_that_area(users, stories):
    for user in ("township", "cadre"):
        assert stories["forger"].number not in _found(users[user], "路灯坏了")
    assert _found(users["township"], "路灯", place=TIANZHU) == [stories["lamp"].number]


def test_a_units_own_case_in_another_township_is_found_in_its_queue(users, org, monday):
    away = submit(users, description="江边护栏断了，很危险。", village=JIANGDONG)
    case_dispatch(case=away, by=users["dispatcher"], unit=org["fengqiao"])
    assert _found(users["township"], "护栏", tab="mine") == [away.number]
    assert _found(users["township"], "护栏") == []  # the area tab lists other units' cases


# --- only the newest matches: an id window gives the same answer as reading them all ----------


@pytest.fixture
def interleaved(users, stories, other_county):
    """Lamp cases taking turns: this county's villages, the other county, the other centre's
    own case here, so every window cuts through all of them."""
    villages = [TIANZHU, "330682001001", BAISHU, JIANGDONG, "330682001001", TIANZHU]
    cases = [
        submit(users, description=f"第{i}个路灯坏了。", village=v) for i, v in enumerate(villages)
    ]
    Case.objects.filter(pk=cases[2].pk).update(owner=other_county["dispatcher"].unit)
    return cases


def _searched(cases, text):
    return [c.number for c in search.search_cases(cases, text)]


@pytest.mark.parametrize("text", ["路灯", "路灯 坏了", "d330681", "龙山"])
def test_the_widening_window_finds_the_same_newest_matches_as_reading_them_all(
    users, other_county, interleaved, monkeypatch, text
):
    everywhere = {c.pk for c in search.search_cases(Case.objects.all(), text)}
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 3)
    monkeypatch.setattr(search.ranking, "WIDEN_AT_MOST", 2)
    scopes = [Case.objects.all(), selectors.queue_cases(users["township"])]  # no place
    for who in (users["dispatcher"], other_county["dispatcher"], users["township"]):
        scopes += [visible_cases(who), selectors.queue_cases(who), selectors.area_cases(who)]
    for cases in scopes:
        monkeypatch.setattr(search.ranking, "FIRST_WINDOW", 10**9)
        unbounded = _searched(cases, text)
        monkeypatch.setattr(search.ranking, "FIRST_WINDOW", 1)  # widened step by step
        bounded = _searched(cases, text)
        assert bounded == unbounded
        newest = cases.filter(pk__in=everywhere).order_by("-pk")
        assert set(bounded) == set(newest.values_list("number", flat=True)[:3])


def test_the_widening_window_never_reaches_another_countys_cases(
    users, stories, other_county, interleaved, monkeypatch
):
    monkeypatch.setattr(search.ranking, "FIRST_WINDOW", 1)
    monkeypatch.setattr(search.ranking, "WIDEN_AT_MOST", 2)
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 2)
    theirs = set(visible_cases(other_county["dispatcher"]).values_list("number", flat=True))
    ours = set(visible_cases(users["dispatcher"]).values_list("number", flat=True))
    for text in ("路灯", "坏了", "龙山", "d330682"):
        assert set(_searched(visible_cases(users["dispatcher"]), text)) <= ours
        assert set(_searched(visible_cases(other_county["dispatcher"]), text)) <= theirs


@pytest.mark.parametrize("few_blocks", [0, 1, 10**6])
@pytest.mark.parametrize("text", ["路灯", "路灯 坏了", "d330681", "龙山", "第1个"])
def test_reading_a_place_block_by_block_finds_the_newest_matches_of_every_scope(
    users, other_county, interleaved, monkeypatch, text, few_blocks
):
    scopes = []
    for who in (users["dispatcher"], other_county["dispatcher"], users["township"]):
        scopes += [visible_cases(who), selectors.queue_cases(who), selectors.area_cases(who)]
    everywhere = {c.pk for c in search.search_cases(Case.objects.all(), text)}
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 3)
    in_one_block = [_searched(cases, text) for cases in scopes]
    # Blocks of two ids: every block boundary cuts the interleaved cases.
    monkeypatch.setattr(search.tokens, "BLOCK_BITS", 1)
    monkeypatch.setattr(search.ranking, "FEW_BLOCKS", few_blocks)
    search.reindex()
    for cases, unbounded in zip(scopes, in_one_block, strict=True):
        bounded = _searched(cases, text)
        assert bounded == unbounded
        newest = cases.filter(pk__in=everywhere).order_by("-pk")
        assert set(bounded) == set(newest.values_list("number", flat=True)[:3])


def test_a_request_writing_a_block_token_is_not_listed_in_that_block(
    users, other_county, interleaved, monkeypatch
):
    monkeypatch.setattr(search.tokens, "BLOCK_BITS", 1)
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 2)
    oldest = submit(users, description=f"路灯坏了 blk{(interleaved[-1].pk + 9) >> 1}")
    for _ in range(4):
        submit(users, description="水管漏了。")
    search.reindex()
    cases = visible_cases(users["dispatcher"])
    newest = cases.filter(description__contains="路灯").order_by("-pk")
    assert set(_searched(cases, "路灯")) == set(newest.values_list("number", flat=True)[:2])
    assert oldest.number in _searched(cases, "路灯 坏了")


# --- place tokens in the stored text ----------------------------------------------------------


def test_the_stored_text_ends_with_the_county_township_and_village_tokens(users, stories):
    text = CaseSearch.objects.get(case=stories["lamp"]).text
    assert text.split()[-4:-1] == ["d330681", "d330681109", "d330681109002"]


def test_the_migration_adds_the_place_tokens_to_rows_written_before_and_strips_them(users, stories):
    rows = CaseSearch.objects.order_by("pk")
    block_tokens_migration.strip_block_tokens(None, _editor)  # as 0007 found them
    indexed = list(rows.values_list("text", flat=True))
    before = [text.rsplit(" d330681 ", 1)[0] for text in indexed]  # as session 2 stored them
    for pk, text in zip(rows.values_list("pk", flat=True), before, strict=True):
        CaseSearch.objects.filter(pk=pk).update(text=text)
    assert _found(users["township"], "路灯") == []  # rows without tokens: not in any area
    place_tokens_migration.add_place_tokens(None, _editor)
    assert list(rows.values_list("text", flat=True)) == indexed
    block_tokens_migration.add_block_tokens(None, _editor)  # as the next migration does
    assert set(_found(users["township"], "路灯")) == {
        stories["lamp"].number,
        stories["river"].number,
    }
    block_tokens_migration.strip_block_tokens(None, _editor)
    place_tokens_migration.strip_place_tokens(None, _editor)
    assert list(rows.values_list("text", flat=True)) == before


# --- block tokens: a place's history read one block of ids at a time -------------------------


def test_the_stored_text_ends_with_the_case_ids_block_token(users, stories):
    for case in stories.values():
        text = CaseSearch.objects.get(case=case).text
        assert text.split()[-1] == f"blk{case.pk >> 18}"


def test_the_block_migration_matches_the_token_the_application_writes(users, stories):
    assert (
        f"' {search.tokens.BLOCK_MARK}' || (case_id / {2**search.tokens.BLOCK_BITS})"
    ) == block_tokens_migration.TOKEN


def test_the_block_migration_adds_each_token_once_and_strips_it(users, stories):
    rows = CaseSearch.objects.order_by("pk")
    indexed = list(rows.values_list("text", flat=True))
    block_tokens_migration.strip_block_tokens(None, _editor)
    before = list(rows.values_list("text", flat=True))
    assert before == [text.rsplit(" ", 1)[0] for text in indexed]
    # Stopped half-way and run again: the rows done before are not given a second token.
    CaseSearch.objects.filter(case=stories["lamp"]).update(text=indexed[0])
    block_tokens_migration.add_block_tokens(None, _editor)
    block_tokens_migration.add_block_tokens(None, _editor)
    assert list(rows.values_list("text", flat=True)) == indexed
    assert set(_found(users["township"], "路灯")) == {
        stories["lamp"].number,
        stories["river"].number,
    }
