"""The zh-Hans catalogue is complete: every English string has a Chinese translation.

zh-Hans is the default language, so an untranslated or fuzzy entry shows English to a
resident who reads only Chinese. The compiled .mo is committed (CI does not compile), so
it must match the .po it came from.
"""

from __future__ import annotations

import ast
import gettext
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

import jiceng

LOCALE = Path(jiceng.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES"


def _unquote(line: str) -> str:
    return str(ast.literal_eval(line.strip()))


def catalogue_entries(path: Path) -> list[dict[str, object]]:
    """The entries of a .po file: msgid, plural, translations and flags (header left out)."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    field = ""
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry.get("msgid"):
                entries.append(entry)
            entry, field = {}, ""
        elif line.startswith("#,"):
            entry["flags"] = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] = str(entry[field]) + _unquote(line)
        else:
            field, _, value = line.partition(" ")
            entry[field] = _unquote(value)
    return entries


def _translations(entry: dict[str, object]) -> list[str]:
    return [str(value) for key, value in entry.items() if key.startswith("msgstr")]


def test_every_english_string_has_a_chinese_translation_that_is_not_fuzzy() -> None:
    entries = catalogue_entries(LOCALE / "django.po")
    assert len(entries) > 800
    untranslated = [e["msgid"] for e in entries if not all(_translations(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e.get("flags", set())]  # type: ignore[operator]
    assert untranslated == [], f"untranslated in django.po: {untranslated}"
    assert fuzzy == [], f"fuzzy in django.po: {fuzzy}"


def test_the_committed_mo_file_holds_every_translation_of_the_po_file() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue_entries(LOCALE / "django.po"):
        msgid = str(entry["msgid"])
        if "msgid_plural" in entry:
            got = compiled.ngettext(msgid, str(entry["msgid_plural"]), 1)
            wanted = str(entry["msgstr[0]"])
        else:
            got, wanted = compiled.gettext(msgid), str(entry["msgstr"])
        if "msgctxt" in entry:
            got = compiled.pgettext(str(entry["msgctxt"]), msgid)
        assert got == wanted, f"django.mo is stale for {msgid!r}: run compilemessages"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_translatable_string_in_the_code_is_in_the_catalogue(
    tmp_path: Path, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Extract afresh from a copy of the sources into a scratch locale folder, so the
    # committed catalogue is never touched, then compare the sets of msgids.
    source = Path(jiceng.__file__).parent
    shutil.copytree(
        source, tmp_path / "jiceng", ignore=shutil.ignore_patterns("locale", "static", "*.pyc")
    )
    (tmp_path / "locale").mkdir()
    settings.LOCALE_PATHS = [tmp_path / "locale"]  # type: ignore[attr-defined]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["zh_Hans"], verbosity=0, no_location=True)
    fresh = catalogue_entries(tmp_path / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    committed = {(e.get("msgctxt"), e["msgid"]) for e in catalogue_entries(LOCALE / "django.po")}
    missing = sorted(
        str(e["msgid"]) for e in fresh if (e.get("msgctxt"), e["msgid"]) not in committed
    )
    assert missing == [], f"run makemessages and translate: {missing}"
