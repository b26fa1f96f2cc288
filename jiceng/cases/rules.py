"""The rule book of case transitions: who may do what, from which states, and what it needs.

Each transition is declared once, in :data:`RULES`. The services check it before
they write (:func:`require`), the web offers exactly the actions it allows
(:func:`available`), and the API answers from the services, so the three cannot
drift apart. A test walks every role × state × transition and checks that they agree.

A rule names:
- the **states** the case must be in, and the **kinds** of case (request, consultation);
- the **roles** that may do it and their **relation** to the case: working in the unit
  that owns it now (``OWNER``), or having it inside their jurisdiction (``VISIBLE``);
- whether **the system** may do it without a user (the sweep, or the resident's own link);
- a further **condition** on the case (a tier above, the reopening window), with the reason
  it gives when it fails;
- the **fields** the action needs from the person doing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.cases import catalogue
from jiceng.cases.models import Case, Kind, State
from jiceng.cases.permissions import STAFF_ROLES, can_see
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed
from jiceng.people.models import Role, User

# Transitions offered on the case page, in the order the page offers them.
ACCEPT = "accept"
RESOLVE = "resolve"
REPLY = "reply"
DISPATCH = "dispatch"
RATE = "rate"
REOPEN = "reopen"
ESCALATE = "escalate"
RETURN = "return"
MERGE = "merge"
NOTE = "note"
ACTIONS = (ACCEPT, RESOLVE, REPLY, DISPATCH, RATE, REOPEN, ESCALATE, RETURN, MERGE, NOTE)

# Transitions of the intake desk and of the system.
CLASSIFY = "classify"
RELEASE = "release"
CONFIRM_SPAM = "confirm_spam"
REMIND = "remind"
CLOSE_UNRATED = "close_unrated"
FLAG = "flag"
KEEP_LOCAL = "keep_local"


class Relation(StrEnum):
    OWNER = "owner"  # works in the unit that owns the case now
    VISIBLE = "visible"  # the case lies inside the user's jurisdiction
    CATALOGUE = "catalogue"  # works in the unit the dispatch catalogue makes responsible


Condition = Callable[[Case], "str | None"]


@dataclass(frozen=True)
class Rule:
    action: str
    verb: Promise  # "dispatch", as in "Cannot dispatch a case that is closed."
    states: frozenset[str]
    roles: frozenset[str] = frozenset()
    relation: Relation = Relation.OWNER
    kinds: frozenset[str] = frozenset({Kind.REQUEST, Kind.CONSULTATION})
    system: bool = False  # may be done with nobody signed in: the sweep, or the resident's link
    condition: Condition | None = None
    needs: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  # fields the person may give (resolve: the root cause)


def _tier_above(case: Case) -> str | None:
    if catalogue.next_tier(case.owner.tier) is None:
        return _("at the top tier")
    return None


def _in_reopen_window(case: Case) -> str | None:
    window = timedelta(days=settings.JICENG_REOPEN_WINDOW_DAYS)
    if case.resolved_at is None or clock.now() - case.resolved_at > window:
        return _("past the reopening window")
    return None


def _rateable(case: Case) -> str | None:
    """A merged duplicate is rated once per resolution of the case that carried its work."""
    if case.state != State.MERGED:
        return None
    survivor = merged_survivor(case)
    if survivor.state not in (State.RESOLVED, State.CLOSED) or survivor.resolved_at is None:
        return _("merged into a case that is not resolved yet")
    window = timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
    if clock.now() - survivor.resolved_at > window:
        return _("past the rating window")
    if case.ratings.filter(at__gte=survivor.resolved_at).exists():
        return _("already rated")
    return None


def merged_survivor(case: Case) -> Case:
    """The case that carries the work of a merged duplicate (following merges of merges)."""
    seen = {case.pk}
    while case.state == State.MERGED and case.merged_into_id is not None:
        following = Case.objects.select_related("owner").get(pk=case.merged_into_id)
        if following.pk in seen:  # a cycle cannot be made by the services; stop anyway
            break
        seen.add(following.pk)
        case = following
    return case


def _still_held(case: Case) -> str | None:
    return _("confirmed as spam") if case.closed_at is not None else None


_REQUESTS = frozenset({Kind.REQUEST})
_DISPATCHERS = frozenset({Role.DISPATCHER})
_WORKING = frozenset({State.DISPATCHED, State.ACCEPTED})

RULES: dict[str, Rule] = {
    rule.action: rule
    for rule in (
        Rule(
            DISPATCH,
            gettext_lazy("dispatch"),
            frozenset({State.SUBMITTED}),
            _DISPATCHERS,
            kinds=_REQUESTS,
            needs=("unit",),
        ),
        Rule(ACCEPT, gettext_lazy("accept"), frozenset({State.DISPATCHED}), STAFF_ROLES),
        Rule(
            RETURN,
            gettext_lazy("return"),
            frozenset({State.DISPATCHED}),
            STAFF_ROLES,
            needs=("reason",),
        ),
        Rule(
            ESCALATE,
            gettext_lazy("escalate"),
            _WORKING,
            STAFF_ROLES,
            system=True,
            condition=_tier_above,
            needs=("reason",),
        ),
        Rule(
            RESOLVE,
            gettext_lazy("resolve"),
            frozenset({State.ACCEPTED}),
            STAFF_ROLES,
            needs=("answer",),
            optional=("root_cause", "root_cause_text"),
        ),
        # 阶段性答复: the owner tells the resident how it is going, without resolving. Only
        # once accepted: a unit that has not signed for the case accepts it first (which
        # tells the resident too), so a reply always comes from the unit working on it.
        Rule(
            REPLY,
            gettext_lazy("reply to the resident on"),
            frozenset({State.ACCEPTED}),
            STAFF_ROLES,
            needs=("reply",),
        ),
        Rule(
            RATE,
            gettext_lazy("rate"),
            frozenset({State.RESOLVED, State.MERGED}),
            _DISPATCHERS,
            Relation.VISIBLE,
            system=True,
            condition=_rateable,
            needs=("solved", "satisfaction", "comment"),
        ),
        Rule(
            REOPEN,
            gettext_lazy("reopen"),
            frozenset({State.RESOLVED, State.CLOSED}),
            _DISPATCHERS,
            Relation.VISIBLE,
            kinds=_REQUESTS,
            system=True,
            condition=_in_reopen_window,
            needs=("reason",),
        ),
        Rule(
            MERGE,
            gettext_lazy("merge"),
            frozenset({State.SUBMITTED, State.DISPATCHED}),
            STAFF_ROLES,
            needs=("into",),
        ),
        Rule(
            NOTE,
            gettext_lazy("add a note to"),
            frozenset(State.values),
            STAFF_ROLES,
            Relation.VISIBLE,
            needs=("note",),
        ),
        Rule(
            CLASSIFY,
            gettext_lazy("confirm the category"),
            frozenset({State.SUBMITTED}),
            _DISPATCHERS,
            needs=("category",),
        ),
        Rule(
            RELEASE,
            gettext_lazy("release"),
            frozenset({State.QUARANTINED}),
            _DISPATCHERS,
            condition=_still_held,
        ),
        Rule(
            CONFIRM_SPAM,
            gettext_lazy("confirm as spam"),
            frozenset({State.QUARANTINED}),
            _DISPATCHERS,
            condition=_still_held,
        ),
        Rule(
            REMIND,
            gettext_lazy("remind"),
            frozenset({State.SUBMITTED, State.DISPATCHED}),
            kinds=_REQUESTS,
            system=True,
        ),
        Rule(
            FLAG,
            gettext_lazy("flag to the county's leaders"),
            frozenset({State.SUBMITTED}),
            kinds=_REQUESTS,
            system=True,
        ),
        Rule(CLOSE_UNRATED, gettext_lazy("close"), frozenset({State.RESOLVED}), system=True),
        # 小事不出村: a village cadre or grid worker who takes a request that the catalogue
        # gives to their own village keeps it there, with its clock started.
        Rule(
            KEEP_LOCAL,
            gettext_lazy("keep in the village"),
            frozenset({State.SUBMITTED}),
            frozenset({Role.VILLAGE_CADRE, Role.GRID_WORKER}),
            Relation.CATALOGUE,
            kinds=_REQUESTS,
        ),
    )
}


# --- reading the rule book -------------------------------------------------------------------


def refusal(case: Case, action: str) -> str | None:
    """Why the case's state, kind or condition rules ``action`` out now; None if it allows it."""
    rule = RULES[action]
    if case.state not in rule.states:
        return str(State(case.state).label)
    if case.kind not in rule.kinds:
        return str(Kind(case.kind).label)
    return rule.condition(case) if rule.condition is not None else None


def state_allows(case: Case, action: str) -> bool:
    return refusal(case, action) is None


def permits(user: User | None, case: Case, action: str) -> bool:
    """Whether ``user`` (None: the system or the resident's link) may do ``action`` at all."""
    rule = RULES[action]
    if user is None:
        return rule.system
    if user.role not in rule.roles or not user.is_active:
        return False
    if user.unit_id is None:
        return False
    if rule.relation == Relation.OWNER:
        return user.unit_id == case.owner_id
    if rule.relation == Relation.CATALOGUE:
        return _catalogue_unit_id(case) == user.unit_id
    return can_see(user, case)


def _catalogue_unit_id(case: Case) -> int | None:
    try:
        return catalogue.proposed_unit(category=case.category, location_code=case.division_id).pk
    except InvalidInput:  # a place missing from the division table: nobody is responsible
        return None


def require(action: str, *, case: Case, by: User | None) -> None:
    """Raise IllegalTransition if the case does not allow ``action`` now, NotAllowed if ``by``
    may not do it; the services call this before they change anything."""
    reason = refusal(case, action)
    if reason is not None:
        raise IllegalTransition(action=str(RULES[action].verb), state=reason)
    if not permits(by, case, action):
        if RULES[action].relation == Relation.OWNER and by is not None and can_see(by, case):
            raise NotAllowed(
                _("Only the unit that owns case %(number)s can do this.") % {"number": case.number}
            )
        raise NotAllowed(
            _("Your role or unit cannot do this on case %(number)s.") % {"number": case.number}
        )


def available(user: User, case: Case, actions: tuple[str, ...] = ACTIONS) -> list[str]:
    """The actions ``user`` can take on ``case`` now, in the order of ``actions``."""
    return [a for a in actions if permits(user, case, a) and state_allows(case, a)]


# --- the rule book as a table, for docs/cases.md -----------------------------------------------


def markdown_table() -> str:
    """The rule book as the Markdown table in docs/cases.md (a test keeps the two equal)."""
    rows = [
        "| transition | from states | kinds | who | relation | system | condition | needs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        cells = [
            rule.action,
            ", ".join(sorted(str(s) for s in rule.states)),
            ", ".join(sorted(str(k) for k in rule.kinds)),
            ", ".join(sorted(str(r) for r in rule.roles)) or "—",
            str(rule.relation) if rule.roles else "—",
            "yes" if rule.system else "no",
            rule.condition.__name__.strip("_").replace("_", " ") if rule.condition else "—",
            ", ".join(rule.needs) or "—",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
