"""Tests for the generated demo texts (pure Python, no database)."""

from __future__ import annotations

import datetime
import random
import re

import pytest

from jiceng.demo import texts

VILLAGE = "陈家村"
TOWNSHIP = "枫桥镇"
DRAWS = 3000

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
MOBILE_RE = re.compile(r"^1(3\d|5[0-35-9]|7[35-8]|8\d|9[1356-9])\d{8}$")


def draw_requests(category: str, seed: int, count: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [
        texts.request_text(category, rng, village=VILLAGE, township=TOWNSHIP) for _ in range(count)
    ]


@pytest.fixture(scope="module")
def requests_by_category() -> dict[str, list[tuple[str, str]]]:
    return {code: draw_requests(code, seed=2024, count=DRAWS) for code in texts.CATEGORY_CODES}


def test_category_codes_are_the_thirteen_fixed_codes_in_order() -> None:
    assert texts.CATEGORY_CODES == (
        "clothing",
        "food",
        "housing",
        "transport",
        "utilities",
        "employment",
        "education",
        "social_security",
        "medical",
        "environment",
        "dispute",
        "village_affairs",
        "other",
    )


def test_every_category_has_at_least_twelve_description_templates() -> None:
    for code in texts.CATEGORY_CODES:
        assert texts.request_template_count(code) >= 12, code


def test_every_template_slot_is_defined() -> None:
    assert texts._undefined_slots() == []


def test_an_unknown_category_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown category"):
        texts.request_text("weather", random.Random(1), village=VILLAGE, township=TOWNSHIP)


def test_the_same_seed_gives_the_same_texts() -> None:
    def everything(seed: int) -> list[object]:
        rng = random.Random(seed)
        out: list[object] = []
        for code in texts.CATEGORY_CODES:
            out.append(texts.request_text(code, rng, village=VILLAGE, township=TOWNSHIP))
            out.append(texts.resolution_text(code, rng, unit="枫桥镇陈家村村委会"))
            out.append(texts.escalation_reason(code, rng))
        out += [
            texts.consultation(rng),
            texts.rating_comment(rng, satisfied="basically", solved=True),
            texts.return_reason(rng),
            texts.note_text(rng),
            texts.person_name(rng),
            texts.phone_number(rng),
            texts.id_number(rng, birth_date=datetime.date(1960, 5, 4)),
            texts.address(rng, village=VILLAGE),
        ]
        return out

    assert everything(7) == everything(7)
    assert everything(7) != everything(8)


def test_different_seeds_give_different_requests() -> None:
    assert draw_requests("transport", seed=1, count=50) != draw_requests("transport", 2, 50)


def test_titles_are_short_and_descriptions_fit_the_length_limits(
    requests_by_category: dict[str, list[tuple[str, str]]],
) -> None:
    for code, drawn in requests_by_category.items():
        for title, description in drawn:
            assert 0 < len(title) <= 30, (code, title)
            assert 40 <= len(description) <= 300, (code, description)
            assert "{" not in title + description, (code, title, description)


def test_at_least_ninety_percent_of_descriptions_are_distinct_in_each_category(
    requests_by_category: dict[str, list[tuple[str, str]]],
) -> None:
    for code, drawn in requests_by_category.items():
        distinct = len({description for _, description in drawn})
        assert distinct / DRAWS >= 0.9, (code, distinct)


def test_every_template_of_a_category_gets_used(
    requests_by_category: dict[str, list[tuple[str, str]]],
) -> None:
    # Distinct titles stand in for templates: each template has its own titles.
    for code, drawn in requests_by_category.items():
        assert len({title for title, _ in drawn}) >= texts.request_template_count(code), code


def test_most_descriptions_name_the_village(
    requests_by_category: dict[str, list[tuple[str, str]]],
) -> None:
    for code, drawn in requests_by_category.items():
        named = sum(VILLAGE in description for _, description in drawn)
        assert named / DRAWS >= 0.8, (code, named)


def test_requests_mix_registers(requests_by_category: dict[str, list[tuple[str, str]]]) -> None:
    descriptions = [d for drawn in requests_by_category.values() for _, d in drawn]
    total = len(descriptions)
    angry = sum("！！" in d or "「" in d for d in descriptions)
    colloquial = sum("咋" in d or "啥" in d for d in descriptions)
    polite = sum("谢谢" in d or "您好" in d for d in descriptions)
    for share in (angry, colloquial, polite):
        assert 0.05 < share / total < 0.8


def test_resolutions_fit_their_length_limits_and_name_the_unit() -> None:
    rng = random.Random(3)
    unit = "枫桥镇陈家村村委会"
    for code in texts.CATEGORY_CODES:
        for _ in range(300):
            text = texts.resolution_text(code, rng, unit=unit)
            assert 30 <= len(text) <= 200, (code, text)
            assert unit in text
            assert "{" not in text


def test_escalation_reasons_exist_for_every_category() -> None:
    rng = random.Random(4)
    for code in texts.CATEGORY_CODES:
        reasons = {texts.escalation_reason(code, rng) for _ in range(50)}
        assert len(reasons) >= 3
        assert all(reason and "{" not in reason for reason in reasons)


def test_consultations_cover_at_least_twenty_topics_with_variations() -> None:
    assert texts.consultation_count() >= 20
    rng = random.Random(5)
    pairs = [texts.consultation(rng) for _ in range(2000)]
    assert len({answer for _, answer in pairs}) >= 20
    assert len(set(pairs)) >= 100
    for question, answer in pairs:
        assert question and len(answer) >= 30
        assert "{" not in question + answer


def test_rating_comments_depend_on_satisfaction_and_only_satisfied_may_be_empty() -> None:
    rng = random.Random(6)
    for level in texts.SATISFACTION_LEVELS:
        for solved in (True, False):
            comments = [
                texts.rating_comment(rng, satisfied=level, solved=solved) for _ in range(200)
            ]
            assert any(comments)
            if level != "satisfied":
                assert all(comments)
            assert all("{" not in comment for comment in comments)
    satisfied = [texts.rating_comment(rng, satisfied="satisfied", solved=True) for _ in range(200)]
    assert "" in satisfied


def test_rating_comment_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError):
        texts.rating_comment(random.Random(1), satisfied="happy", solved=True)


def test_return_reasons_and_notes_are_varied_filled_sentences() -> None:
    rng = random.Random(8)
    reasons = {texts.return_reason(rng) for _ in range(300)}
    notes = {texts.note_text(rng) for _ in range(300)}
    assert len(reasons) >= 20
    assert len(notes) >= 30
    assert any("非本村管辖" in reason for reason in reasons)
    assert all("{" not in text for text in reasons | notes)


def test_person_names_are_two_or_three_chinese_characters_and_varied() -> None:
    rng = random.Random(9)
    names = [texts.person_name(rng) for _ in range(1000)]
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) for name in names)
    assert len(set(names)) >= 700


def test_phone_numbers_are_eleven_digit_mainland_mobiles() -> None:
    rng = random.Random(10)
    numbers = [texts.phone_number(rng) for _ in range(2000)]
    assert all(MOBILE_RE.fullmatch(number) for number in numbers)
    assert len(set(numbers)) == len(numbers)
    assert {number[:2] for number in numbers} == {"13", "15", "17", "18", "19"}


def test_id_numbers_have_a_valid_check_digit_and_encode_the_birth_date() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        born = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randint(0, 33000))
        number = texts.id_number(rng, birth_date=born)
        assert len(number) == 18
        assert number[:6] == "330681"
        assert number[6:14] == born.strftime("%Y%m%d")
        total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS, strict=True))
        # ISO 7064 MOD 11-2: the full weighted sum (check digit weight 1, X = 10) is 1 mod 11.
        check = 10 if number[17] == "X" else int(number[17])
        assert (total + check) % 11 == 1, number


def test_id_check_digit_matches_a_known_example() -> None:
    # The specimen number from GB 11643-1999.
    assert texts.id_check_digit("11010519491231002") == "X"


def test_id_number_honours_the_county_code() -> None:
    number = texts.id_number(
        random.Random(1), birth_date=datetime.date(1990, 1, 2), county_code="330602"
    )
    assert number.startswith("33060219900102")
    with pytest.raises(ValueError):
        texts.id_number(random.Random(1), birth_date=datetime.date(1990, 1, 2), county_code="33")


def test_addresses_name_the_village_with_group_and_house_number() -> None:
    rng = random.Random(12)
    assert re.fullmatch(r"陈家村\d{1,2}组\d{1,2}号", texts.address(rng, village=VILLAGE))
    with_township = texts.address(rng, village=VILLAGE, township=TOWNSHIP)
    assert re.fullmatch(r"枫桥镇陈家村\d{1,2}组\d{1,2}号", with_township)


@pytest.mark.parametrize(
    ("index", "name"),
    [
        (1, "第一网格"),
        (2, "第二网格"),
        (10, "第十网格"),
        (11, "第十一网格"),
        (20, "第二十网格"),
        (35, "第三十五网格"),
        (100, "第一百网格"),
        (105, "第一百零五网格"),
        (110, "第一百一十网格"),
    ],
)
def test_grid_names_use_chinese_ordinals(index: int, name: str) -> None:
    assert texts.grid_name(index) == name


def test_grid_name_rejects_zero() -> None:
    with pytest.raises(ValueError):
        texts.grid_name(0)


def test_household_relations_never_draw_the_head_itself() -> None:
    rng = random.Random(13)
    drawn = {texts.household_head_relation(rng) for _ in range(2000)}
    assert "户主" not in drawn
    assert drawn <= set(texts.HOUSEHOLD_RELATIONS)
    assert {"配偶", "子", "女"} <= drawn
