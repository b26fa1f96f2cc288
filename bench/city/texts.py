"""Pools of texts the cases draw from: written once by ``jiceng.demo.texts``, reused.

Writing a request and cutting its search tokens costs about a millisecond; ten million of
them would take hours, so each case takes one of a pool of requests written for the
villages of the city (the request names its village, the search row is the one the
application stores for it) and answers, reasons and comments from smaller pools.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from jiceng.cases.models import Case, Kind
from jiceng.cases.search.writing import search_text
from jiceng.demo import texts
from jiceng.places.models import Division, Level

SATISFACTIONS = ("satisfied", "basically", "unsatisfied")


@dataclass(frozen=True)
class Request:
    village: str
    category: str
    kind: str
    title: str
    description: str
    search: str
    answer: str  # a consultation's answer; "" for a request


@dataclass
class Pools:
    requests: list[Request]
    answers: dict[str, list[str]]
    escalations: dict[str, list[str]]
    returns: list[str]
    notes: list[str]
    comments: dict[tuple[str, bool], list[str]]


def _request(village: Division, township: str, category: str, rng: random.Random) -> Request:
    if rng.random() < 0.12:
        question, answer = texts.consultation(rng)
        title, description, kind = question[:30], question, Kind.CONSULTATION
    else:
        title, description = texts.request_text(
            category, rng, village=village.name, township=township
        )
        answer, kind = "", Kind.REQUEST
    case = Case(title=title, description=description, address="", division=village)
    return Request(village.code, category, kind, title, description, search_text(case), answer)


def build_pools(city: str, size: int, seed: int) -> Pools:
    rng = random.Random(seed)
    villages = list(
        Division.objects.filter(code__startswith=city, level=Level.VILLAGE).order_by("code")
    )
    townships = dict(
        Division.objects.filter(code__startswith=city, level=Level.TOWNSHIP).values_list(
            "code", "name"
        )
    )
    codes = texts.CATEGORY_CODES
    requests = []
    for i in range(size):
        village = villages[i % len(villages)]
        requests.append(_request(village, townships[village.code[:9]], rng.choice(codes), rng))
    rng.shuffle(requests)
    return Pools(
        requests=requests,
        answers={
            c: [texts.resolution_text(c, rng, unit="我单位") for _ in range(40)] for c in codes
        },
        escalations={c: [texts.escalation_reason(c, rng) for _ in range(10)] for c in codes},
        returns=[texts.return_reason(rng) for _ in range(30)],
        notes=[texts.note_text(rng) for _ in range(30)],
        comments={
            (level, solved): [
                texts.rating_comment(rng, satisfied=level, solved=solved) for _ in range(20)
            ]
            for level in texts.SATISFACTION_LEVELS
            for solved in (True, False)
        },
    )
