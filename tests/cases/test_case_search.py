"""Full-text search over cases in Chinese (SQLite FTS5, PostgreSQL tsvector), via the selectors."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from jiceng.cases import search, selectors
from jiceng.cases.models import Case, CaseSearch
from jiceng.cases.selectors import CaseFilters
from jiceng.cases.selectors.filters import within

from factories import BAISHU, JIANGDONG, TIANZHU, submit

pytestmark = pytest.mark.django_db


def _case(users, description, **extra):
    """A case taken through case_submit, indexed the way the services index it."""
    case = submit(users, description=description, **extra)
    search.index_case(case)
    return case


def _found(user, text):
    return [
        c.number for c in selectors.filter_cases(selectors.area_cases(user), CaseFilters(text=text))
    ]


def _all(text):
    return [c.number for c in search.search_cases(Case.objects.all(), text)]


@pytest.fixture
def stories(users, monday):
    return {
        "lamp": _case(users, "村口的路灯坏了三个星期，晚上很黑。", title="路灯坏了"),
        "river": _case(users, "河道里漂着很多垃圾，夏天气味很重。", village=BAISHU),
        "both": _case(users, "路灯旁边的垃圾桶满了没人清理，路灯也不亮。", village=BAISHU),
        "away": _case(users, "小区路灯坏了，垃圾没人收。", village=JIANGDONG),
    }


def test_a_village_name_finds_the_cases_of_that_village(users, stories):
    assert _found(users["township"], "天竺社区") == [stories["lamp"].number]
    assert set(_found(users["township"], "百树社区")) == {
        stories["river"].number,
        stories["both"].number,
    }


def test_a_township_name_finds_every_case_under_it(users, stories):
    expected = {stories["lamp"].number, stories["river"].number, stories["both"].number}
    assert set(_all("枫桥镇")) == expected


def test_the_address_is_searchable(users, monday):
    case = _case(users, "楼道灯不亮。", address="枫桥镇天竺社区和平路18号")
    assert _all("和平路") == [case.number]


def test_a_phrase_matches_only_those_words_in_that_order(users, stories):
    assert set(_all("路灯坏了")) == {stories["lamp"].number, stories["away"].number}
    assert _all("坏了路灯") == []


def test_words_separated_by_a_space_must_all_appear_anywhere(users, stories):
    assert set(_all("路灯 垃圾")) == {stories["both"].number, stories["away"].number}
    assert _found(users["township"], "路灯 垃圾") == [stories["both"].number]
    assert _all("路灯 火灾") == []


def test_the_better_match_comes_first(users, monday):
    once = _case(users, "请尽快派人来修理一下村里坏掉的设施，谢谢配合。")
    often = _case(users, "垃圾站旁边堆满垃圾，垃圾车一直不来，垃圾越堆越多。")
    mention = _case(users, "门前有一些垃圾。请尽快派人来修理一下村里坏掉的设施，谢谢配合。")
    assert _all("垃圾") == [often.number, mention.number]
    assert once.number not in _all("垃圾")


def test_only_the_newest_matches_are_ranked_when_there_are_very_many(users, monday, monkeypatch):
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 2)
    best_but_oldest = _case(users, "垃圾垃圾垃圾，到处是垃圾。")
    weaker = _case(users, "门前有一些垃圾。请尽快派人来修理一下村里坏掉的设施，谢谢配合。")
    stronger = _case(users, "垃圾站旁边堆满垃圾，垃圾车一直不来。")
    assert _all("垃圾") == [stronger.number, weaker.number]
    assert _all("垃圾 到处") == [best_but_oldest.number]  # a narrower query reaches it


def test_a_query_in_traditional_characters_finds_simplified_text(users, stories):
    assert _all("路燈壞了") == _all("路灯坏了")
    assert stories["lamp"].number in _all("楓橋鎮")


def test_text_written_in_traditional_characters_is_found_by_a_simplified_query(users, monday):
    case = _case(users, "河邊的護欄斷了，孩子們經過很危險。")
    assert _all("护栏断了") == [case.number]


def test_full_width_letters_and_digits_match_their_half_width_forms(users, monday):
    case = _case(users, "家里的ＷＩＦＩ断了，光猫型号ＨＧ８１４５Ｃ。")
    assert _all("wifi") == [case.number]
    assert _all("hg8145c") == [case.number]


def test_one_chinese_character_matches_as_a_prefix(users, stories):
    assert stories["river"].number in _all("河")


def test_a_query_of_punctuation_finds_nothing(users, stories):
    assert _all("？！。") == []
    assert _found(users["township"], "  ") != []  # an empty query does not filter


def test_a_case_number_is_still_found_by_its_digits(users, stories):
    number = stories["lamp"].number
    assert _found(users["township"], number) == [number]


def test_an_outsider_searching_finds_nothing_of_another_township(users, stories):
    for text in ("路灯", "枫桥镇", "天竺社区", "垃圾"):
        found = set(_found(users["outsider"], text))
        assert stories["lamp"].number not in found and stories["river"].number not in found
    assert _found(users["outsider_cadre"], "垃圾") == [stories["away"].number]


def test_a_village_cadre_search_stays_inside_the_village(users, stories):
    # The cadre's area (their own unit's cases are the queue) holds nothing of 百树社区.
    assert _found(users["cadre"], "百树社区") == []


# --- keeping the index consistent -----------------------------------------------------------


def test_reindexing_a_changed_case_forgets_its_old_words(users, stories):
    case = stories["river"]
    Case.objects.filter(pk=case.pk).update(title="井盖丢失", description="井盖丢失，晚上容易踩空。")
    case.refresh_from_db()
    search.index_case(case)
    assert _all("漂着") == []
    assert _all("井盖") == [case.number]
    assert CaseSearch.objects.filter(case=case).count() == 1


def test_a_deleted_search_row_leaves_the_index(users, stories):
    CaseSearch.objects.filter(case=stories["lamp"]).delete()
    assert stories["lamp"].number not in _all("路灯")


def test_reindex_backfills_every_case(users, stories):
    CaseSearch.objects.all().delete()
    assert _all("路灯") == []
    assert search.reindex(batch=2) == 4
    assert set(_all("路灯")) == {
        stories["lamp"].number,
        stories["both"].number,
        stories["away"].number,
    }


def test_reindex_command_reports_what_it_did(users, stories):
    CaseSearch.objects.all().delete()
    out = StringIO()
    call_command("reindex_cases", "--batch", "3", stdout=out)
    assert "Indexed 4 case(s)" in out.getvalue()
    assert len(_all("垃圾")) == 3


def test_the_stored_text_holds_bigrams_of_the_text_the_place_names_and_place_tokens(users, monday):
    case = _case(users, "天竺社区门口的路灯坏了 3幢 B座。")
    words = CaseSearch.objects.get(case=case).text.split()
    assert {"天竺", "竺社", "路灯", "灯坏", "枫桥", "桥镇", "3", "幢", "b"} <= set(words)
    assert "居委" in words  # from the village's full name, 天竺社区居委会
    assert {"d330681", "d330681109", "d330681109002"} <= set(words)  # county, township, village


def test_the_database_index_exists(users, monday):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'cases_casesearch'")
            assert any("gin" in row[0] for row in cursor.fetchall())
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'cases_casesearch_fts'")
            assert "fts5" in cursor.fetchone()[0]


# --- write-time indexing ---------------------------------------------------------------------


def test_a_submitted_case_is_searchable_at_once(users, monday):
    """Goes through case_submit only: ``services._create`` calls ``search.index_case``."""
    case = submit(users, description="桥头的护栏被车撞坏了，很危险。")
    assert _all("护栏") == [case.number]
    assert _found(users["township"], "天竺社区 护栏") == [case.number]


def test_a_phone_number_typed_into_a_request_does_not_find_it_but_its_words_do(users, monday):
    case = _case(users, "我叫李秀英，电话13987654321，楼道灯不亮。")
    assert _all("13987654321") == [] and _all("李秀英") == []
    assert _all("楼道灯") == [case.number]
    (text,) = CaseSearch.objects.filter(case=case).values_list("text", flat=True)
    assert "13987654321" not in text and "秀英" not in text


def test_the_newest_matches_are_found_however_far_back_the_id_window_must_widen(
    users, monday, monkeypatch
):
    monkeypatch.setattr(search.ranking, "FIRST_WINDOW", 1)  # PostgreSQL widens it step by step
    monkeypatch.setattr(search.ranking, "WIDEN_AT_MOST", 2)
    monkeypatch.setattr(search.ranking, "RANKED_MATCHES", 2)
    oldest, older = _case(users, "垃圾很多。"), _case(users, "门前垃圾。")
    for _ in range(6):
        _case(users, "路灯坏了。")
    assert sorted(_all("垃圾")) == sorted([older.number, oldest.number])
    village = search.search_cases(Case.objects.filter(within(TIANZHU)), "垃圾")
    assert sorted(c.number for c in village) == sorted([older.number, oldest.number])
