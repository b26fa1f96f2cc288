"""The resident's judgement (回访): a rating, which reopens the case when unsatisfied."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history, rules
from jiceng.cases.models import Case, EventKind, Rating, RatingSource, Satisfaction, State
from jiceng.cases.services.cleaning import clean_text
from jiceng.cases.services.reopen import reopen
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, User


def case_rate(
    *,
    case: Case,
    solved: bool,
    satisfaction: str,
    comment: str = "",
    source: str = RatingSource.LINK,
    by: User | None = None,
) -> Rating:
    """Record the resident's rating (回访). Unsatisfied reopens the case.

    ``by`` is the dispatcher entering a call-back; None is the resident's own link.
    """
    rules.require(rules.RATE, case=case, by=by)
    if satisfaction not in Satisfaction.values:
        raise InvalidInput(
            _("Choose satisfied, basically satisfied or unsatisfied."), field="satisfaction"
        )
    if source not in RatingSource.values:
        raise InvalidInput(_("Unknown rating source."), field="source")
    if by is not None:
        source = RatingSource.CALLBACK
    comment = clean_text(comment, "comment", max_length=1000, required=False)
    judged = _Judgement(bool(solved), satisfaction, comment, source)
    if case.state == State.MERGED:
        return _rate_merged(case, judged, by=by)
    with transaction.atomic():
        rating = _record_rating(case, judged, unit=case.owner, to_state=State.CLOSED, by=by)
        if satisfaction == Satisfaction.UNSATISFIED:
            reopen(case=case, by=by, reason=comment or _("The resident was not satisfied."))
    return rating


@dataclass(frozen=True)
class _Judgement:
    solved: bool
    satisfaction: str
    comment: str
    source: str


def _record_rating(
    case: Case,
    judged: _Judgement,
    *,
    unit: Unit,
    to_state: str,
    by: User | None,
    extra: dict[str, str] | None = None,
) -> Rating:
    """The RATE event and the rating row it vouches for (the verifier compares the two)."""
    at = clock.now()
    data = {"solved": judged.solved, "satisfaction": judged.satisfaction, "source": judged.source}
    event = history.append(
        case,
        kind=EventKind.RATE,
        at=at,
        by=by,
        to_state=to_state,
        unit=unit,
        note=judged.comment,
        data={**data, **(extra or {})},
        changes={"closed_at": at} if to_state == State.CLOSED else {},
    )
    return Rating.objects.create(
        case=case,
        event=event,
        unit=unit,
        division_code=case.division_id,
        at=at,
        solved=judged.solved,
        satisfaction=judged.satisfaction,
        comment=judged.comment,
        source=judged.source,
    )


def _rate_merged(case: Case, judged: _Judgement, *, by: User | None) -> Rating:
    """A merged duplicate's resident judges the work of the case that carried it.

    The rating is kept on their own case (it counts once, for the unit that resolved the
    surviving case); an unsatisfied one reopens the surviving case while it may be reopened.
    """
    survivor = rules.merged_survivor(case)
    with transaction.atomic():
        rating = _record_rating(
            case,
            judged,
            unit=survivor.owner,
            to_state=State.MERGED,
            by=by,
            extra={"for": survivor.number or ""},
        )
        unsatisfied = judged.satisfaction == Satisfaction.UNSATISFIED
        if unsatisfied and rules.state_allows(survivor, rules.REOPEN):
            reason = _("A resident of merged case %(number)s was not satisfied: %(comment)s") % {
                "number": case.number,
                "comment": judged.comment or _("no comment"),
            }
            reopen(case=survivor, by=by, reason=reason)
    return rating
