"""Every page in English: no Chinese left outside what people typed and the places' names.

User data (place and unit names, what residents wrote, notes) stays as it was entered;
everything else on the page must be English. The brand 基层 and the 中文 switch are meant.
"""

import re
from html import unescape

import pytest

from jiceng.cases import services
from jiceng.cases.models import Case, CaseEvent, Category, Satisfaction
from jiceng.people.models import Resident, Unit
from jiceng.places.models import Division

from factories import accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
MEANT = ("基层", "中文")
HIDDEN = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*\blang=\"zh-Hans\"[^>]*>.*?</", re.S)
SHOWN_ATTRIBUTES = re.compile(r'\b(?:aria-label|placeholder|alt|title)="([^"]*)"')


def _user_data() -> list[str]:
    """Every string people or the place registry put in the database, longest first."""
    texts: set[str] = set()
    texts |= set(Division.objects.values_list("name", flat=True))
    texts |= set(Unit.objects.values_list("name", flat=True))
    texts |= set(Resident.objects.values_list("name", flat=True))
    for case in Case.objects.all():
        texts |= {case.title, case.description, case.address, case.answer or ""}
    texts |= {event.note for event in CaseEvent.objects.all() if event.note}
    return sorted((t for t in texts if t), key=len, reverse=True)


def _chinese_left(html: str, data: list[str]) -> list[str]:
    """Chinese runs that are no user data: not part of a stored text (shortened or masked).

    A category's Chinese name is never user data: English pages show its English name.
    """
    shown = HIDDEN.sub(" ", html)
    text = unescape(" ".join([re.sub(r"<[^>]+>", " ", shown), *SHOWN_ATTRIBUTES.findall(shown)]))
    for meant in MEANT:
        text = text.replace(meant, " ")
    categories = set(Category.objects.values_list("name", flat=True))
    return [
        run
        for run in CJK.findall(text)
        if run in categories or not any(run in value for value in data)
    ]


@pytest.fixture
def cases(users, monday):
    new = submit(users)
    escalated = accepted(users)
    services.case_escalate(case=escalated, by=users["cadre"], reason="需要镇里协调")
    reopened = resolved(users)
    services.case_rate(
        case=reopened, solved=False, satisfaction=Satisfaction.UNSATISFIED, comment="", by=None
    )
    return {"new": new, "dispatched": dispatched(users), "reopened": reopened}


PAGES = {
    "resident": ["/", "/submit/", "/follow/", "/board/"],
    "dispatcher": [
        "/workbench/",
        "/workbench/?tab=area",
        "/workbench/desk/",
        "{new}",
        "{reopened}",
    ],
    "cadre": [
        "/workbench/",
        "{dispatched}",
        "{reopened}",
        "/workbench/field/",
        "/workbench/inbox/",
    ],
    "township": ["/workbench/?tab=area", "/dashboard/"],
    "leader": ["/dashboard/", "/dashboard/hot-issues/", "/dashboard/rates/", "/workbench/"],
}


@pytest.mark.parametrize("who", sorted(PAGES))
def test_every_page_is_english_outside_user_data(client, users, cases, who):
    if who != "resident":
        client.force_login(users[who])
    numbers = {name: f"/workbench/cases/{case.number}/" for name, case in cases.items()}
    problems = {}
    for url in PAGES[who]:
        url = url.format(**numbers)
        response = client.get(url, **EN)
        assert response.status_code == 200, url
        left = _chinese_left(response.content.decode(), _user_data())
        if left:
            problems[url] = left
    assert not problems, "\n".join(
        f"{u}: {' '.join(dict.fromkeys(w))}" for u, w in problems.items()
    )


def test_the_check_finds_chinese_words(client, users):
    assert _chinese_left("<p>Case 已派往承办单位</p>", []) == ["已派往承办单位"]
    assert _chinese_left('<b lang="zh-Hans">中文</b><p>天竺</p>', ["天竺"]) == []
