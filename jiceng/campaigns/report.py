"""The root-cause report: why the problems resolved in one month happened, per area.

Read from the resolve events (``cases.rootcauses`` puts the cause in their data), so
the report cannot disagree with the hash-chained history. A case resolved twice in the
month (reopened in between) counts once, with its last cause.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from jiceng.campaigns.causes import causes_by_case
from jiceng.cases.rootcauses import label
from jiceng.people.models import User
from jiceng.places.models import Division

# The level one report row stands for, by the length of the reader's jurisdiction.
_AREA_LENGTH = {0: 6, 2: 6, 4: 6, 6: 9, 9: 12, 12: 12}


@dataclass(frozen=True)
class Row:
    area: str
    cause: str
    count: int


def root_cause_report(user: User, month: date) -> list[Row]:
    """Per area below the user's jurisdiction and cause: how many cases, most first."""
    length = _AREA_LENGTH.get(len(user.jurisdiction), 12)
    counts = Counter((code[:length], cause) for code, cause in causes_by_case(user, month).values())
    names = dict(
        Division.objects.filter(pk__in={area for area, _ in counts}).values_list("code", "name")
    )
    return [
        Row(names.get(area, area), label(cause), count)
        for (area, cause), count in sorted(counts.items(), key=lambda item: (item[0][0], -item[1]))
    ]
