"""An outreach item's stored reasons, shown in the reader's language.

Matching runs store their words in the worker's language (zh-Hans by default); older
runs stored expressions such as "年龄 >= 80". Either is shown as a sentence.
"""

from django.utils import translation

from jiceng.policies.rules import describe, rule_text
from jiceng.policies.rules.shown import shown_reasons

RULE = {
    "all": [
        {"field": "age", "op": ">=", "value": 80},
        {"field": "hukou", "op": "in", "value": "330681"},
        {"any": [{"field": "dibao", "op": "is", "value": True}]},
    ]
}


def test_conditions_are_sentences_in_each_language():
    age = {"field": "age", "op": "<", "value": 16}
    assert describe(age) == "younger than 16"
    assert rule_text(RULE) == (
        "aged 80 or over and registered in 330681 and minimum living allowance family"
    )
    with translation.override("zh-hans"):
        assert describe(age) == "未满 16 周岁"
        assert rule_text(RULE) == "年满 80 周岁 并且 户籍在 330681 并且 低保户"


def test_older_chinese_expressions_read_as_english_sentences():
    stored = ["年龄 >= 80", "户籍所在地 330681", "低保户"]
    assert shown_reasons(RULE, stored) == [
        "aged 80 or over",
        "registered in 330681",
        "minimum living allowance family",
    ]


def test_reasons_stored_in_english_read_in_chinese():
    with translation.override("zh-hans"):
        assert shown_reasons(RULE, ["aged 80 or over", "age >= 80"]) == ["年满 80 周岁"] * 2
        assert shown_reasons(RULE, ["低保 family"]) == ["低保户"]


def test_a_reason_the_current_rule_did_not_write_is_shown_as_stored():
    assert shown_reasons(RULE, ["年龄 >= 70", "a protected health condition"]) == [
        "年龄 >= 70",
        "a protected health condition",
    ]
