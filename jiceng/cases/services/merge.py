"""Staff close a duplicate by merging it into the case that carries the work."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history, permissions, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import User


def case_merge(*, case: Case, into: Case, by: User) -> CaseEvent:
    """Close a duplicate by merging it into the case that carries the work."""
    rules.require(rules.MERGE, case=case, by=by)
    permissions.require_visible(by, into)
    if into.pk == case.pk or into.state == State.MERGED:
        raise InvalidInput(
            _("Merge into a different case that is not itself merged."), field="into"
        )
    at = clock.now()
    with transaction.atomic():
        event = history.append(
            case,
            kind=EventKind.MERGE,
            at=at,
            by=by,
            to_state=State.MERGED,
            unit=case.owner,
            data={"into": into.number},
            changes={"merged_into_id": into.pk, "closed_at": at},
        )
        history.append(
            into,
            kind=EventKind.NOTE,
            at=at,
            by=by,
            to_state=into.state,
            note=_("Case %(number)s was merged into this one.") % {"number": case.number},
            data={"merged": case.number},
        )
    case.merged_into = into
    return event
