"""The migration that masks phone, ID and card numbers in search rows written before."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from jiceng.cases import search
from jiceng.cases.models import Case, CaseSearch

from factories import submit

pytestmark = pytest.mark.django_db
migration = import_module("jiceng.cases.migrations.0010_case_search_masks_personal_numbers")

TYPED = [
    "路灯坏了，电话13987654321",
    "电话 139 8765 4321 路灯坏了",
    "身份证33068119900101123X办不了低保",
    "工资卡6222021234567890123没到账",
    "座机0575-87654321没人接",
    "2026年12月3号交了3000元，工单261204000123",
]


def _as_written_before(case: Case) -> str:
    """The row as the index stored it before numbers were masked (with today's block token,
    which masking leaves alone)."""
    raw = " ".join((case.title, case.description, case.address, "天竺社区居委会", "枫桥镇"))
    text = " ".join((search.stored_tokens(raw), *search.place_tokens(case.division_id)))
    return search.tokens.row_text(case.pk, text)


def test_old_rows_become_what_the_index_now_writes_and_their_numbers_are_gone(users, monday):
    cases = [submit(users, description=text, title="求助") for text in TYPED]
    expected = dict(CaseSearch.objects.values_list("case_id", "text"))
    for case in cases:
        CaseSearch.objects.filter(case=case).update(text=_as_written_before(case))
    assert "13987654321" in CaseSearch.objects.get(case=cases[0]).text
    migration.mask_numbers(apps, None)
    assert dict(CaseSearch.objects.values_list("case_id", "text")) == expected
    found = [c.number for c in search.search_cases(Case.objects.all(), "13987654321")]
    assert found == []
    assert [c.number for c in search.search_cases(Case.objects.all(), "3000")] == [cases[5].number]
