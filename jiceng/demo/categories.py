"""The thirteen request categories of the demo, one data file each (``data/categories/``).

A category file holds the request templates (a description, the titles and demands that
fit it, what the resident already tried), the category's own slots, and the cadres'
actions and reasons to escalate. ``lists`` names phrase lists several templates share.
"""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.demo import grammar, slots

CATEGORY_CODES: tuple[str, ...] = (
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


@dataclass(frozen=True)
class Request:
    """One description template with the titles, demands and earlier attempts that fit it."""

    body: str
    titles: tuple[str, ...]
    wants: tuple[str, ...]
    tried: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    label: str
    requests: tuple[Request, ...]
    slots: dict[str, grammar.Slot]
    tried: tuple[str, ...]
    actions: tuple[str, ...]
    escalations: tuple[str, ...]


def _read(code: str) -> Category:
    data = grammar.load(f"categories/{code}")
    lists: dict[str, list[str]] = data.get("lists", {})

    def phrases(value: str | list[str]) -> tuple[str, ...]:
        return tuple(lists[value] if isinstance(value, str) else value)

    requests = tuple(
        Request(
            body=item["body"],
            titles=tuple(item["titles"]),
            wants=phrases(item["wants"]),
            tried=phrases(item.get("tried", [])),
        )
        for item in data["requests"]
    )
    return Category(
        label=data["label"],
        requests=requests,
        slots=slots.table(data.get("slots", {})),
        tried=tuple(data.get("tried", [])),
        actions=tuple(data["actions"]),
        escalations=tuple(data["escalations"]),
    )


CATEGORIES: dict[str, Category] = {code: _read(code) for code in CATEGORY_CODES}


def get(code: str) -> Category:
    """The category ``code``; ValueError naming the codes if there is none."""
    try:
        return CATEGORIES[code]
    except KeyError:
        raise ValueError(f"unknown category {code!r}; expected one of {CATEGORY_CODES}") from None


def request_template_count(category: str) -> int:
    """How many description templates ``category`` has."""
    return len(get(category).requests)


def templates(cat: Category) -> list[str]:
    """Every template of the category that a request text may expand (for the self-check)."""
    found: list[str] = [*cat.tried]
    for request in cat.requests:
        found.extend((request.body, *request.titles, *request.wants, *request.tried))
    return found
