"""Lists of words are joined the way the reader's language writes them."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template("{% load labels %}{{ words|listed }}")


def test_english_joins_with_commas_and_chinese_with_the_enumeration_comma():
    words = ["路灯坏", "村口", "<b>晚上</b>"]
    with translation.override("en"):
        assert TEMPLATE.render(Context({"words": words})) == (
            "路灯坏, 村口, &lt;b&gt;晚上&lt;/b&gt;"
        )
    with translation.override("zh-hans"):
        assert TEMPLATE.render(Context({"words": words})) == "路灯坏、村口、&lt;b&gt;晚上&lt;/b&gt;"


def test_an_empty_list_gives_nothing():
    assert TEMPLATE.render(Context({"words": []})) == ""
