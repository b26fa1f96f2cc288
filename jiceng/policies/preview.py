"""How many people a draft rule would reach, in figures that cannot single anyone out.

An author may try any rule, so a preview with exact small counts is a lookup
over the registry: "age == 86" gives 1, "age == 86 and disability" gives 1, and
the one 86-year-old of the village is known to be disabled. So:

- a count under ``SMALL`` is shown as "<5";
- when any count is hidden, the total is rounded to tens as well, so the total
  minus the counts shown does not give the hidden one back (the villages past
  the first ``VILLAGES_SHOWN`` count as one more cell, "other villages");
- a rule that names a health mark (``rules.fields.HEALTH_FIELDS``) gives only the
  rounded total, no villages and no sample, unless the user may see health
  marks in clear (``people.services.household_reveal.may_reveal_health_in``), which today only
  a village's own cadres may, for their village.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from jiceng.people.models import User
from jiceng.people.services.household_reveal import may_reveal_health_in
from jiceng.places.models import Division
from jiceng.policies.models import Policy
from jiceng.policies.rules.fields import Rule
from jiceng.policies.rules.sentence import rule_text
from jiceng.policies.rules.walking import needs_health
from jiceng.policies.services import policy_matches

SMALL = 5
VILLAGES_SHOWN = 10
SAMPLE = 5


@dataclass(frozen=True)
class Preview:
    rule: str
    total: str
    villages: list[tuple[str, str]] = field(default_factory=list)
    sample: list[list[str]] = field(default_factory=list)
    rounded: bool = False  # some figure is hidden or rounded
    protected: bool = False  # a health mark the user may not see: the total only


def cell(count: int) -> str:
    return "<5" if count < SMALL else str(count)


def rounded(count: int) -> str:
    if count < SMALL:
        return "<5"
    return _("about %(n)d") % {"n": (count + 5) // 10 * 10}


def policy_preview(policy: Policy, rule: Rule, user: User) -> Preview:
    """Matches of ``rule`` in the user's area, counted per village and shown safely."""
    matches = policy_matches(policy, rule=rule, within=user.jurisdiction)
    villages = Counter(m.village for m in matches)
    text = rule_text(rule)
    if needs_health(rule) and not may_reveal_health_in(user, set(villages)):
        return Preview(rule=text, total=rounded(len(matches)), rounded=True, protected=True)
    cells = _cells(villages)
    hidden = any(count < SMALL for _name, count in cells)
    return Preview(
        rule=text,
        total=rounded(len(matches)) if hidden else str(len(matches)),
        villages=[(name, cell(count)) for name, count in cells],
        sample=[m.reasons for m in matches[:SAMPLE]],
        rounded=hidden,
    )


def _cells(villages: Counter[str]) -> list[tuple[str, int]]:
    """The largest villages by name, then the rest together, as one more cell."""
    top = villages.most_common(VILLAGES_SHOWN)
    names = dict(
        Division.objects.filter(code__in=[code for code, _n in top]).values_list("code", "name")
    )
    cells = [(names.get(code, code), count) for code, count in top]
    rest = sum(villages.values()) - sum(count for _code, count in top)
    if rest:
        cells.append((_("other villages"), rest))
    return cells
