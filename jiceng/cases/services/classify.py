"""The intake desk confirms a request's category, alone or together with dispatch."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, Category, EventKind
from jiceng.cases.services.dispatch import case_dispatch
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, User


def case_classify(
    *, case: Case, by: User, category: Category, proposed: list[tuple[str, float]] | None = None
) -> CaseEvent:
    """A dispatcher confirms (or corrects) a submitted request's category.

    ``proposed`` is the model's top categories with probabilities, recorded so that
    the model's accuracy on real intake can be measured; the confirmed category is
    what ``jiceng textmining retrain`` learns.
    """
    rules.require(rules.CLASSIFY, case=case, by=by)
    if not category.active:
        raise InvalidInput(_("This category is no longer in use."), field="category")
    data = {
        "category_confirmed": True,
        "category": category.code,
        "previous": case.category_id,
        "proposed": proposed[0][0] if proposed else "",
        "top": [[code, round(float(p), 3)] for code, p in proposed or []],
    }
    event = history.append(
        case,
        kind=EventKind.CLASSIFY,
        at=clock.now(),
        by=by,
        to_state=case.state,
        unit_id=case.owner_id,
        data=data,
        changes={"category_id": category.code},
    )
    case.category = category
    return event


def case_dispatch_classified(
    *,
    case: Case,
    by: User,
    category: Category,
    unit: Unit | None = None,
    proposed: list[tuple[str, float]] | None = None,
) -> CaseEvent:
    """Confirm the category and dispatch in one go (the catalogue proposes for the new category)."""
    with transaction.atomic():
        case_classify(case=case, by=by, category=category, proposed=proposed)
        return case_dispatch(case=case, by=by, unit=unit)
