"""The template catalogue: what the docs list is what is sent, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from jiceng.notices import templates

DOCS = Path(__file__).resolve().parents[2] / "docs" / "notifications.md"


def test_the_docs_list_every_template_as_a_gateway_registers_it() -> None:
    assert DOCS.read_text(encoding="utf-8").endswith(templates.markdown_table())


@pytest.mark.parametrize("code", sorted(templates.TEMPLATES))
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_template_uses_each_of_its_parameters_once_in_each_language(
    code: str, language: str
) -> None:
    template = templates.TEMPLATES[code]
    params = {name: f"<{name}>" for name in template.params}
    with translation.override(language):
        text = templates.render(code, params)
    for name in template.params:
        assert text.count(f"<{name}>") == 1, (code, language, name)


def test_the_gateway_wording_is_chinese_with_dollar_placeholders() -> None:
    wording = templates.TEMPLATES["case_received"].gateway_text()
    assert wording.startswith("您的诉求已受理")
    assert "${number}" in wording and "${deadline}" in wording and "${link}" in wording


def test_times_are_worded_in_local_time_for_the_reader() -> None:
    params = {"number": "2603020001", "deadline": "2026-03-05T09:00:00+00:00", "link": "x"}
    with translation.override("zh-hans"):
        text = templates.render("case_received", params)
    assert "2026年3月5日 17:00" in text
