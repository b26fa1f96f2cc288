"""Reading the rule book: may this user do this action on this case now, and if not, why."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases import catalogue
from jiceng.cases.models import Case, Kind, State
from jiceng.cases.permissions import can_see
from jiceng.cases.rules.book import ACTIONS, RULES
from jiceng.cases.rules.rule import Relation
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed
from jiceng.people.models import User


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
