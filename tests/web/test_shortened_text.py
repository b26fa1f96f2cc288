"""Shortened titles and summaries end at a clause or word break, never in the middle of a word."""

import pytest
from django.template import Context, Template

from jiceng.cases.public import shorten


def test_short_text_is_left_whole():
    assert shorten("路灯坏了", 10) == "路灯坏了"


def test_chinese_text_is_cut_after_a_comma_in_the_last_third():
    text = "村口的路灯坏了三天，晚上老人出门看不见路很危险"
    assert shorten(text, 14) == "村口的路灯坏了三天…"


def test_chinese_text_is_cut_after_an_enumeration_comma_or_full_stop():
    assert shorten("垃圾桶满了、污水外溢。请尽快处理好吗", 12) == "垃圾桶满了、污水外溢…"


def test_text_without_a_break_in_the_last_third_is_cut_at_the_limit():
    text = "路灯坏了，" + "晚上老人出门看不见路很危险"
    assert shorten(text, 16) == "路灯坏了，晚上老人出门看不见路…"


def test_english_words_are_not_split():
    assert shorten("The street light near the school gate is broken", 30) == (
        "The street light near the…"
    )


def test_the_result_never_exceeds_the_length():
    for n in range(2, 40):
        assert len(shorten("路灯坏了，晚上 dark street 很危险。请修理一下 please", n)) <= n


@pytest.mark.parametrize("text", ["，，，，，，，，，，", ". . . . . . . . . ."])
def test_text_of_only_breaks_still_gets_a_sensible_cut(text):
    cut = shorten(text, 5)
    assert cut.endswith("…") and len(cut) <= 5


def test_the_template_filter_cuts_at_a_break_and_escapes():
    html = Template("{% load shortened %}{{ text|shortened:12 }}").render(
        Context({"text": "<b>路灯</b>坏了，晚上很危险很危险"})
    )
    assert html == "&lt;b&gt;路灯&lt;/b&gt;坏了…"
