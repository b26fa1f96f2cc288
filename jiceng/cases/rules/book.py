"""The rule book: every case transition is declared here, once, in :data:`RULES`.

What a rule names is described in :mod:`jiceng.cases.rules`; its conditions live in
``conditions``, and ``reading`` answers from this book for the services, the web and the API.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from jiceng.cases.models import Kind, State
from jiceng.cases.permissions import STAFF_ROLES
from jiceng.cases.rules.conditions import in_reopen_window, rateable, still_held, tier_above
from jiceng.cases.rules.rule import Relation, Rule
from jiceng.people.models import Role

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

_REQUESTS = frozenset({Kind.REQUEST})
_DISPATCHERS = frozenset({Role.DISPATCHER})
_SUBMITTED = frozenset({State.SUBMITTED})
_DISPATCHED = frozenset({State.DISPATCHED})
_ACCEPTED = frozenset({State.ACCEPTED})
_NOT_ACCEPTED = frozenset({State.SUBMITTED, State.DISPATCHED})
_WORKING = frozenset({State.DISPATCHED, State.ACCEPTED})
_QUARANTINED = frozenset({State.QUARANTINED})

RULES: dict[str, Rule] = {
    rule.action: rule
    for rule in (
        Rule(
            DISPATCH,
            gettext_lazy("dispatch"),
            _SUBMITTED,
            _DISPATCHERS,
            kinds=_REQUESTS,
            needs=("unit",),
        ),
        Rule(ACCEPT, gettext_lazy("accept"), _DISPATCHED, STAFF_ROLES),
        Rule(RETURN, gettext_lazy("return"), _DISPATCHED, STAFF_ROLES, needs=("reason",)),
        Rule(
            ESCALATE,
            gettext_lazy("escalate"),
            _WORKING,
            STAFF_ROLES,
            system=True,
            condition=tier_above,
            needs=("reason",),
        ),
        Rule(
            RESOLVE,
            gettext_lazy("resolve"),
            _ACCEPTED,
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
            _ACCEPTED,
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
            condition=rateable,
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
            condition=in_reopen_window,
            needs=("reason",),
        ),
        Rule(MERGE, gettext_lazy("merge"), _NOT_ACCEPTED, STAFF_ROLES, needs=("into",)),
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
            _SUBMITTED,
            _DISPATCHERS,
            needs=("category",),
        ),
        Rule(RELEASE, gettext_lazy("release"), _QUARANTINED, _DISPATCHERS, condition=still_held),
        Rule(
            CONFIRM_SPAM,
            gettext_lazy("confirm as spam"),
            _QUARANTINED,
            _DISPATCHERS,
            condition=still_held,
        ),
        Rule(REMIND, gettext_lazy("remind"), _NOT_ACCEPTED, kinds=_REQUESTS, system=True),
        Rule(
            FLAG,
            gettext_lazy("flag to the county's leaders"),
            _SUBMITTED,
            kinds=_REQUESTS,
            system=True,
        ),
        Rule(CLOSE_UNRATED, gettext_lazy("close"), frozenset({State.RESOLVED}), system=True),
        # 小事不出村: a village cadre or grid worker who takes a request that the catalogue
        # gives to their own village keeps it there, with its clock started.
        Rule(
            KEEP_LOCAL,
            gettext_lazy("keep in the village"),
            _SUBMITTED,
            frozenset({Role.VILLAGE_CADRE, Role.GRID_WORKER}),
            Relation.CATALOGUE,
            kinds=_REQUESTS,
        ),
    )
}
