"""What a page says to a person, and which of its words are nobody's data.

The language walks (test_english_pages, test_chinese_pages) render pages and look for
words of the other language outside what people typed and the registries hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from html import unescape
from typing import Any

from django.test import Client
from django.utils import translation
from page_world import PAGES

from jiceng.campaigns.models import Campaign, Summons
from jiceng.cases.models import Case, CaseEvent, Category, State
from jiceng.knowledge.models import Document
from jiceng.people.models import Household, Resident, Unit, User
from jiceng.places.models import Division, Grid
from jiceng.policies.models import Outreach, Policy

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
# The brand and the language switch name themselves in Chinese on purpose.
MEANT_CHINESE = ("基层", "中文")
# Never shown (scripts), or marked as the other language on purpose (the language switch).
HIDDEN = re.compile(r"<(script|style)\b.*?</\1>|<(\w+)[^>]*\blang=\"zh-Hans\"[^>]*>.*?</\2>", re.S)
# Commands and file names are typed as they are, in any language.
HIDDEN_EN = re.compile(
    r"<(script|style|code|kbd)\b.*?</\1>|<(\w+)[^>]*\blang=\"en\"[^>]*>.*?</\2>", re.S
)
SHOWN_ATTRIBUTES = re.compile(r'\b(?:aria-label|placeholder|alt|title)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def shown_text(html: str, hidden: re.Pattern[str] = HIDDEN) -> str:
    """The text a person sees or hears: tag contents and the attributes that are read out."""
    shown = hidden.sub(" ", html)
    return unescape(" ".join([TAG.sub(" ", shown), *SHOWN_ATTRIBUTES.findall(shown)]))


def user_data(system_notes: Collection[int] = ()) -> list[str]:
    """Every text that people or the registries put in the database, longest first.

    The notes of ``system_notes`` (event ids) are no user data: the code worded them.
    """
    texts: set[str] = set()
    for model, fields in (
        (Division, ("name",)),
        (Unit, ("name",)),
        (Grid, ("name",)),
        (Resident, ("name",)),
        (Household, ("address",)),
        (Policy, ("title", "issuing_body", "summary", "who_qualifies", "benefit", "how_to_apply")),
        (Campaign, ("title", "keywords", "close_report")),
        (Summons, ("part", "result")),
        (Document, ("title", "issuing_body", "number", "summary", "full_text")),
        (Outreach, ("outcome_note",)),
        (User, ("username", "first_name", "last_name")),
    ):
        for row in model.objects.values_list(*fields):
            texts |= {str(value) for value in row if value}
    for case in Case.objects.all():
        texts |= {case.title, case.description, case.address, case.answer or ""}
    notes = CaseEvent.objects.exclude(note="").exclude(pk__in=system_notes)
    texts |= set(notes.values_list("note", flat=True))
    return sorted((t for t in texts if t), key=len, reverse=True)


def chinese_left(html: str, data: list[str]) -> list[str]:
    """Chinese runs that are no user data (a run may be a shortened or masked part of one).

    A category's Chinese name is never user data: English pages show its English name.
    """
    text = shown_text(html)
    for meant in MEANT_CHINESE:
        text = text.replace(meant, " ")
    categories = set(Category.objects.values_list("name", flat=True))
    return [
        run
        for run in CJK.findall(text)
        if run in categories or not any(run in value for value in data)
    ]


# Words a Chinese page shows in Latin letters on purpose: names, formats and units.
MEANT_LATIN = frozenset(
    {"Jiceng", "English", "Open311", "API", "Excel", "xlsx", "csv", "CSV", "SMS", "PDF", "ID"}
    | {"HTML", "JSON", "XML", "GitHub", "AGPL", "AGPLv3", "QR", "px", "kg", "km", "AM", "PM"}
    | {"JPEG", "PNG", "WebP", "MB", "Wilson"}
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+(?:-[A-Za-z]+)*")


def english_left(html: str, data: list[str]) -> list[str]:
    """Latin words on a Chinese page that are neither meant nor part of any user data.

    Single letters (case numbers' prefixes, 'h' in durations) are not words here.
    """
    words = LATIN_WORD.findall(shown_text(html, HIDDEN_EN))
    latin = [value.lower() for value in data if LATIN_WORD.search(value)]
    return [
        word
        for word in words
        if word not in MEANT_LATIN and not any(word.lower() in value for value in latin)
    ]


STATE_BADGE = re.compile(r'class="badge state-(\w+)">([^<]*)<')


def raw_states(html: str) -> list[str]:
    """State badges that show the stored code, or the English label in lower case as a code
    reads ("submitted"), instead of words."""
    with translation.override("en"):
        codes = set(State.values) | {str(label) for label in State.labels}
    return [label for _code, label in STATE_BADGE.findall(html) if label.strip() in codes]


def walk(
    client: Client,
    users: dict[str, User],
    ids: dict[str, Any],
    who: str,
    language: str,
    check: Callable[[str, list[str]], list[str]],
) -> dict[str, list[str]]:
    """Each of ``who``'s pages in ``language``: the words ``check`` finds, by address."""
    client.logout()
    if who == "resident":  # the resident opens their request with its number and phone digits
        client.post("/follow/", {"number": ids["reopened"], "last4": "5678"})
    else:
        client.force_login(users[who])
    problems = {}
    data = user_data(ids["system_notes"])
    for url in PAGES[who]:
        url = url.format(**ids)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        html = response.content.decode()
        found = check(html, data) + raw_states(html)
        if found:
            problems[url] = list(dict.fromkeys(found))
    return problems
