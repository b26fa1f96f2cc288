"""The owner's part of a request's life: accept, escalate, reply, resolve; then the rating
(``services.rating``), a reopening when unsatisfied (``services.reopen``) or the close of
an unrated case (``services.system``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bench.city.chain import CaseBuilder, data
from bench.city.lifecycle import DAY, HOUR, MINUTE, NOT_SATISFIED, Life
from bench.city.texts import SATISFACTIONS

RATED, ESCALATED, REPLIED = 0.55, 0.05, 0.10
STALLED = 0.002  # left lying by its owner: open and overdue at the end of the period
SOLVED = {"satisfied": 0.97, "basically": 0.85, "unsatisfied": 0.25}
SECOND = timedelta(seconds=1)
WINDOW_PASSED = data(reason="rating window passed")


def _accept(life: Life, case: CaseBuilder, at: datetime) -> datetime:
    v, owner = case.values, case.values["owner_id"]
    due = v["respond_by"]
    accepted = life.before(at, due, 0.08, DAY)
    if accepted > due + 10 * MINUTE:  # one reminder per clock once it has run out
        reminded = due + 5 * MINUTE
        case.append(
            "remind",
            reminded,
            actor=None,
            to_state=case.state,
            unit=owner,
            data=data(due=due.isoformat(), before=False),
            changes={"reminded_at": reminded},
        )
    case.append("accept", accepted, actor=life.staff(owner), to_state="accepted", unit=owner)
    return accepted


def settle(life: Life, case: CaseBuilder, at: datetime) -> None:
    """Accept, perhaps escalate, resolve, then rated or closed unrated; reopen on unsatisfied."""
    rng, pools, v = life.rng, life.pools, case.values
    while True:
        if rng.random() < STALLED:
            return
        at = _accept(life, case, at)
        owner, category = v["owner_id"], v["category_id"]
        up = life.next_unit(case)
        if up is not None and rng.random() < ESCALATED:
            at = life.later(at, DAY)
            automatic = rng.random() < 0.3
            life.handover(
                case,
                "escalate",
                at,
                up,
                actor=None if automatic else life.staff(owner),
                note=rng.choice(pools.escalations[category]),
                data=data(from_unit=owner, automatic=automatic),
            )
            continue
        if rng.random() < REPLIED:
            at = life.later(at, DAY)
            case.append(
                "reply",
                at,
                actor=life.staff(owner),
                to_state="accepted",
                unit=owner,
                note=rng.choice(pools.notes),
            )
        at = life.before(at, v["resolve_by"], 0.10, 2 * DAY)
        answer = rng.choice(pools.answers[category])
        case.append(
            "resolve",
            at,
            actor=life.staff(owner),
            to_state="resolved",
            unit=owner,
            note=answer,
            changes={"answer": answer, "resolved_at": at},
        )
        if rng.random() >= RATED:
            closed = life.later(at + life.window, 6 * HOUR)
            case.append(
                "close",
                closed,
                actor=None,
                to_state="closed",
                unit=owner,
                data=WINDOW_PASSED,
                changes={"closed_at": closed},
            )
            return
        at = life.later(at, min(DAY * 1.5 * rng.expovariate(1.0), life.window * 0.9))
        if not _rate(life, case, at):
            return
        at += SECOND


def _rate(life: Life, case: CaseBuilder, at: datetime) -> bool:
    """The RATE event and its rating row; True when unsatisfied reopened the case."""
    rng, v, owner = life.rng, case.values, case.values["owner_id"]
    weights = (75, 92, 100) if v["reopen_count"] < 2 else (80, 100, 100)  # cumulative
    level = rng.choices(SATISFACTIONS, cum_weights=weights)[0]
    solved = rng.random() < SOLVED[level]
    link = rng.random() < 0.6
    by, source = (None, "link") if link else (life.dispatcher(case), "callback")
    comment = rng.choice(life.pools.comments[(level, solved)]) if rng.random() < 0.5 else ""
    event = case.append(
        "rate",
        at,
        actor=by,
        to_state="closed",
        unit=owner,
        note=comment,
        data=data(solved=solved, satisfaction=level, source=source),
        changes={"closed_at": at},
    )
    life.ratings.append(
        (case.id, event, owner, v["division_id"], case.moment(at), solved, level, comment, source)
    )
    if level != "unsatisfied":
        return False
    target = owner
    if v["reopen_count"] >= 1:
        target = life.next_unit(case) or owner
    life.handover(
        case,
        "reopen",
        at + SECOND,
        target,
        actor=by,
        note=comment or NOT_SATISFIED,
        changes={"reopen_count": v["reopen_count"] + 1, "resolved_at": None, "closed_at": None},
    )
    return True
