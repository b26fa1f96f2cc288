"""Case transitions. Each public function here is one named state change (DESIGN.md).

Every function is keyword-only, checks who may do it and from which state,
and writes the case change and its event in one transaction (see history.py).
An illegal transition raises IllegalTransition and changes nothing; a
concurrent change raises Conflict and changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases import catalogue, history, intake, permissions, photos, rules, search
from jiceng.cases.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    Category,
    Channel,
    EventKind,
    Kind,
    Rating,
    RatingSource,
    Satisfaction,
    State,
    TimeLimit,
    Urgency,
)
from jiceng.cases.rootcauses import clean as clean_root_cause
from jiceng.core import calendar, clock
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed
from jiceng.core.inserts import insert_row
from jiceng.people.models import Resident, Role, Unit, UnitKind, User
from jiceng.people.units import dispatch_centre, intake_route
from jiceng.places.models import Division

PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
MAX_DESCRIPTION = 5000
SYSTEM = None  # ``by=None``: the system (sweep) or the resident acting through a link


# --- helpers -------------------------------------------------------------------------------


def _clean_text(value: str, field: str, *, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    # Control characters other than tab and line breaks, and halves of UTF-16 pairs: nobody
    # types them, PostgreSQL cannot store NUL or the halves, and XML (Open311) cannot carry
    # them. (``re`` keeps the compiled pattern.)
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", value):
        raise InvalidInput(
            _("%(field)s contains control characters; remove them and try again.")
            % {"field": field},
            field=field,
        )
    if required and not value:
        raise InvalidInput(_("%(field)s is required.") % {"field": field}, field=field)
    if len(value) > max_length:
        raise InvalidInput(
            _("%(field)s must be at most %(n)d characters.") % {"field": field, "n": max_length},
            field=field,
        )
    return value


def _clean_phone(phone: str) -> str:
    phone = re.sub(r"[\s()]", "", phone or "")
    if not PHONE_RE.match(phone):
        raise InvalidInput(
            _(
                "Phone must be an 11-digit mobile number (e.g. 13812345678) "
                "or a landline with its area code."
            ),
            field="phone",
        )
    return phone


def _village_and_centre(code: str) -> tuple[Division, int]:
    """The village and its county's dispatch centre (cached: intake is the hot path)."""
    route = intake_route(code) if code else None
    if route is None:
        raise InvalidInput(
            _("Location must be a village or community (12-digit division code)."), field="division"
        )
    return route


def time_limit_for(case: Case) -> TimeLimit:
    if case.urgency == Urgency.EMERGENCY:
        return TimeLimit.objects.get(code="emergency")
    return case.category.time_limit


def _clock(case: Case, start: datetime) -> dict[str, datetime]:
    limit = time_limit_for(case)
    return {
        "respond_by": calendar.deadline(start, limit.respond_amount, limit.respond_unit),
        "resolve_by": calendar.deadline(start, limit.resolve_amount, limit.resolve_unit),
    }


def _new_owner(case: Case, unit: Unit, at: datetime) -> dict[str, object]:
    return {"owner_id": unit.pk, "owner_since": at, "reminded_at": None, **_clock(case, at)}


# --- intake --------------------------------------------------------------------------------


def _prepare(
    *,
    kind: str,
    category: Category,
    title: str,
    description: str,
    division_code: str,
    address: str,
    contact_name: str,
    contact_phone: str,
    channel: str,
    urgency: str,
) -> Case:
    """A new case and its resident, checked, encrypted and timed, but not yet written.

    Everything here is done before the transaction opens: on SQLite writers take turns,
    and a turn should be spent writing, not validating or encrypting.
    """
    if not category.active:
        raise InvalidInput(_("This category is no longer in use."), field="category")
    if channel not in Channel.values:
        raise InvalidInput(_("Unknown channel."), field="channel")
    if urgency not in Urgency.values:
        raise InvalidInput(_("Urgency must be normal or emergency."), field="urgency")
    description = _clean_text(description, "description", max_length=MAX_DESCRIPTION)
    title = _clean_text(title, "title", max_length=100, required=False) or description[:30]
    address = _clean_text(address, "address", max_length=200, required=False)
    name = _clean_text(contact_name, "name", max_length=50, required=False)
    phone = _clean_phone(contact_phone)
    division, centre = _village_and_centre(division_code)
    at = clock.now()
    resident = Resident(name=name)
    resident.set_phone(phone)
    case = Case(
        kind=kind,
        state=State.SUBMITTED,
        category=category,
        urgency=urgency,
        channel=channel,
        title=title,
        description=description,
        division=division,
        address=address,
        resident=resident,
        owner_id=centre,
        submitted_at=at,
        owner_since=at,
    )
    deadlines = _clock(case, at)
    case.respond_by, case.resolve_by = deadlines["respond_by"], deadlines["resolve_by"]
    return case


def _insert(case: Case) -> Case:
    """Write a prepared case, its resident and its search row (inside the caller's transaction)."""
    resident = case.resident
    assert resident is not None
    insert_row(resident)
    case.resident = resident  # sets resident_id and keeps the instance (no reload)
    insert_row(case)
    search.index_case(case)
    return case


def _number(case: Case) -> str:
    """Read aloud on the phone: the local date, then the row id. Written with the first event."""
    return f"{timezone.localtime(case.submitted_at):%y%m%d}{case.pk:06d}"


def case_submit(
    *,
    category: Category,
    description: str,
    division_code: str,
    contact_phone: str,
    channel: str,
    title: str = "",
    address: str = "",
    contact_name: str = "",
    urgency: str = Urgency.NORMAL,
    by: User | None = None,
) -> Case:
    """A resident's request enters the system and waits for dispatch.

    Text from the public channels that the spam check flags is held in quarantine
    instead, with the check's reasons, until a dispatcher releases or confirms it.
    """
    if by is not None and by.role not in permissions.STAFF_ROLES | {Role.RESIDENT}:
        raise NotAllowed(_("Your role cannot take requests."))
    if (
        by is not None
        and by.role != Role.RESIDENT
        and not division_code.startswith(by.jurisdiction)
    ):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    verdict = intake.spam_verdict(channel=channel, title=title, description=description)
    case = _prepare(
        kind=Kind.REQUEST,
        category=category,
        title=title,
        description=description,
        division_code=division_code,
        address=address,
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=channel,
        urgency=urgency,
    )
    held = verdict is not None and verdict.spam
    with transaction.atomic():
        _insert(case)
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=case.submitted_at,
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            # The dispatch centre's clock: a request waiting for dispatch is never unseen.
            respond_by=None if held else case.respond_by,
            data={"channel": channel},
            changes={"number": _number(case)},
        )
        if held:
            assert verdict is not None
            _quarantine(case, score=verdict.score, reasons=verdict.reasons)
        elif by is not None and rules.permits(by, case, rules.KEEP_LOCAL):
            _keep_local(case, by)
    return case


def _keep_local(case: Case, by: User) -> CaseEvent:
    """小事不出村: the village that the catalogue makes responsible owns the case at once.

    The dispatch centre sees it in its county but has nothing to do; the village's clock
    starts now, as if the centre had dispatched it there.
    """
    rules.require(rules.KEEP_LOCAL, case=case, by=by)
    at = clock.now()
    changes = _new_owner(case, by.unit, at)  # type: ignore[arg-type]
    event = history.append(
        case,
        kind=EventKind.DISPATCH,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit_id=by.unit_id,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"proposed": True, "local": True},
        changes=changes,
    )
    case.owner = by.unit  # type: ignore[assignment]
    return event


def case_consult(
    *,
    category: Category,
    question: str,
    answer: str,
    division_code: str,
    contact_phone: str,
    by: User,
    contact_name: str = "",
) -> Case:
    """A consultation (咨询) answered on the spot by a dispatcher and closed at once."""
    permissions.require_role(by, frozenset({Role.DISPATCHER}))
    answer = _clean_text(answer, "answer", max_length=MAX_DESCRIPTION)
    case = _prepare(
        kind=Kind.CONSULTATION,
        category=category,
        title="",
        description=question,
        division_code=division_code,
        address="",
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=Channel.PHONE,
        urgency=Urgency.NORMAL,
    )
    if not case.division_id.startswith(by.jurisdiction):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    with transaction.atomic():
        _insert(case)
        at = case.submitted_at
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=at,
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            changes={"number": _number(case)},
        )
        history.append(
            case,
            kind=EventKind.ANSWER,
            at=at,
            by=by,
            to_state=State.CLOSED,
            unit_id=case.owner_id,
            note=answer,
            changes={"answer": answer, "resolved_at": at, "closed_at": at},
        )
    return case


# --- the dispatcher --------------------------------------------------------------------------


def case_dispatch(*, case: Case, by: User, unit: Unit | None = None) -> CaseEvent:
    """Send a submitted request to its responsible unit (the catalogue's proposal by default)."""
    rules.require(rules.DISPATCH, case=case, by=by)
    target = unit or catalogue.proposed_unit(category=case.category, location_code=case.division_id)
    if not target.active or target.kind == UnitKind.DISPATCH:
        raise InvalidInput(_("Choose an active unit that handles cases."), field="unit")
    if not case.division_id.startswith(target.division_id[:6]):
        raise InvalidInput(_("That unit is in another county."), field="unit")
    at = clock.now()
    changes = _new_owner(case, target, at)
    event = history.append(
        case,
        kind=EventKind.DISPATCH,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"proposed": unit is None},
        changes=changes,
    )
    case.owner = target
    return event


# --- the owning unit -----------------------------------------------------------------------


def case_accept(*, case: Case, by: User) -> CaseEvent:
    """The owner signs for the case (签收) and takes it on."""
    rules.require(rules.ACCEPT, case=case, by=by)
    return history.append(
        case, kind=EventKind.ACCEPT, at=clock.now(), by=by, to_state=State.ACCEPTED, unit=case.owner
    )


def case_return(*, case: Case, by: User, reason: str) -> CaseEvent:
    """Send a misrouted case back to the dispatcher (退单), with the reason."""
    rules.require(rules.RETURN, case=case, by=by)
    reason = _clean_text(reason, "reason", max_length=1000)
    at = clock.now()
    centre = dispatch_centre(case.division_id[:6])
    changes = _new_owner(case, centre, at)
    event = history.append(
        case,
        kind=EventKind.RETURN,
        at=at,
        by=by,
        to_state=State.SUBMITTED,
        unit=centre,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        note=reason,
        data={"from_unit": case.owner_id},
        changes=changes,
    )
    case.owner = centre
    return event


def _escalation_target(case: Case) -> Unit:
    tier = catalogue.next_tier(case.owner.tier)
    assert tier is not None  # the rule book's condition for escalating
    return catalogue.unit_for_tier(
        category=case.category, location_code=case.division_id, tier=tier
    )


def case_escalate(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Hand the case to the next tier (上报); the next tier gets its own clock.

    ``by=None`` is the automatic escalation of the sweep on a missed deadline.
    """
    rules.require(rules.ESCALATE, case=case, by=by)
    reason = _clean_text(reason, "reason", max_length=1000)
    target = _escalation_target(case)
    at = clock.now()
    changes = _new_owner(case, target, at)
    event = history.append(
        case,
        kind=EventKind.ESCALATE,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        note=reason,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"from_unit": case.owner_id, "automatic": by is None},
        changes=changes,
    )
    case.owner = target
    return event


def case_resolve(
    *, case: Case, by: User, answer: str, root_cause: str = "", root_cause_text: str = ""
) -> CaseEvent:
    """The owner reports the case resolved, with the answer the resident will see.

    The root cause, optional, is kept in the event's data (``cases.rootcauses``).
    """
    rules.require(rules.RESOLVE, case=case, by=by)
    answer = _clean_text(answer, "answer", max_length=MAX_DESCRIPTION)
    cause = clean_root_cause(case.category_id, root_cause, root_cause_text)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.RESOLVE,
        at=at,
        by=by,
        to_state=State.RESOLVED,
        unit=case.owner,
        note=answer,
        data=cause,
        changes={"answer": answer, "resolved_at": at},
    )


MAX_REPLY = 1000


def case_reply(*, case: Case, by: User, reply: str) -> CaseEvent:
    """The owner tells the resident how it is going (阶段性答复) without resolving the case.

    The resident reads the text on their timeline and is texted a link to it; the case's
    state, owner and deadlines stay as they are.
    """
    rules.require(rules.REPLY, case=case, by=by)
    reply = _clean_text(reply, "reply", max_length=MAX_REPLY)
    return history.append(
        case,
        kind=EventKind.REPLY,
        at=clock.now(),
        by=by,
        to_state=case.state,
        unit=case.owner,
        note=reply,
    )


# --- the resident's judgement ------------------------------------------------------------


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
    comment = _clean_text(comment, "comment", max_length=1000, required=False)
    judged = _Judgement(bool(solved), satisfaction, comment, source)
    if case.state == State.MERGED:
        return _rate_merged(case, judged, by=by)
    with transaction.atomic():
        rating = _record_rating(case, judged, unit=case.owner, to_state=State.CLOSED, by=by)
        if satisfaction == Satisfaction.UNSATISFIED:
            _reopen(case=case, by=by, reason=comment or _("The resident was not satisfied."))
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
            _reopen(case=survivor, by=by, reason=reason)
    return rating


def case_reopen(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Reopen a resolved or closed case (重办) within the reopening window."""
    rules.require(rules.REOPEN, case=case, by=by)
    return _reopen(case=case, by=by, reason=_clean_text(reason, "reason", max_length=1000))


def _reopen(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Same owner the first time; a case reopened again goes up a tier where there is one."""
    at = clock.now()
    target = case.owner
    if case.reopen_count >= 1 and catalogue.next_tier(case.owner.tier) is not None:
        target = _escalation_target(case)
    changes = _new_owner(case, target, at)
    changes.update(reopen_count=case.reopen_count + 1, resolved_at=None, closed_at=None)
    event = history.append(
        case,
        kind=EventKind.REOPEN,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        note=reason,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        changes=changes,
    )
    case.owner = target
    return event


# --- housekeeping ------------------------------------------------------------------------


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


def case_note(*, case: Case, by: User, note: str) -> CaseEvent:
    """An internal note; never shown to the public."""
    rules.require(rules.NOTE, case=case, by=by)
    note = _clean_text(note, "note", max_length=2000)
    return history.append(
        case, kind=EventKind.NOTE, at=clock.now(), by=by, to_state=case.state, note=note
    )


def case_remind(*, case: Case) -> CaseEvent:
    """The system reminds the owner once per clock: the dispatch centre before its response
    deadline runs out, a handling unit once it has passed."""
    rules.require(rules.REMIND, case=case, by=SYSTEM)
    at = clock.now()
    due = case.respond_by
    return history.append(
        case,
        kind=EventKind.REMIND,
        at=at,
        by=SYSTEM,
        to_state=case.state,
        unit=case.owner,
        data={"due": due.isoformat() if due else None, "before": bool(due and at < due)},
        changes={"reminded_at": at},
    )


def case_flag(*, case: Case) -> CaseEvent:
    """A request still waiting for dispatch past the centre's response deadline is flagged
    to the county's leaders (督办), once per wait."""
    rules.require(rules.FLAG, case=case, by=SYSTEM)
    due = case.respond_by
    if due is None or clock.now() <= due:
        raise IllegalTransition(action=str(rules.RULES[rules.FLAG].verb), state=_("not late"))
    return history.append(
        case,
        kind=EventKind.FLAG,
        at=clock.now(),
        by=SYSTEM,
        to_state=case.state,
        unit=case.owner,
        data={"due": due.isoformat(), "county": case.division_id[:6]},
    )


def case_close_unrated(*, case: Case) -> CaseEvent:
    """Close a resolved case whose rating window passed without a rating (not counted as rated)."""
    rules.require(rules.CLOSE_UNRATED, case=case, by=SYSTEM)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.CLOSE,
        at=at,
        by=SYSTEM,
        to_state=State.CLOSED,
        unit=case.owner,
        data={"reason": "rating window passed"},
        changes={"closed_at": at},
    )


# --- attachments ---------------------------------------------------------------------------

MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _read_photo(file: File) -> bytes:
    too_big = InvalidInput(_("The photo must be at most 5 MB."), field="photo")
    if (file.size or 0) > MAX_PHOTO_BYTES:
        raise too_big
    file.seek(0)
    data = file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise too_big
    return bytes(data)


def case_attach_photo(*, case: Case, file: File) -> CaseAttachment:
    """Keep a photo sent with a request: JPEG, PNG or WebP (judged by content), at most 5 MB,
    re-encoded without its metadata (GPS, time, camera: see cases.photos).

    Bad input raises InvalidInput(field="photo") before anything is written. The row and
    an ``attach`` event with the content's sha256 are written together.
    """
    data, content_type, extension = photos.clean_photo(_read_photo(file))
    at = clock.now()
    name = f"cases/{timezone.localtime(at):%Y/%m}/{secrets.token_hex(16)}.{extension}"
    stored = default_storage.save(name, ContentFile(data))
    try:
        with transaction.atomic():
            attachment = CaseAttachment.objects.create(
                case=case, file=stored, uploaded_at=at, size=len(data), content_type=content_type
            )
            _record_photo(case, attachment, hashlib.sha256(data).hexdigest())
            return attachment
    except Exception:
        default_storage.delete(stored)  # no file without its row
        raise


def _record_photo(case: Case, attachment: CaseAttachment, sha256: str) -> CaseEvent:
    """The photo's row and content go under the chain: a swapped photo or row is caught."""
    return history.append(
        case,
        kind=EventKind.ATTACH,
        at=attachment.uploaded_at,
        by=SYSTEM,
        to_state=case.state,
        unit_id=case.owner_id,
        data={
            "attachment": attachment.pk,
            "name": attachment.file.name,
            "size": attachment.size,
            "type": attachment.content_type,
            "sha256": sha256,
        },
    )


# --- intake: spam quarantine and confirmed categories (see cases.intake) -----------------


def _quarantine(case: Case, *, score: float, reasons: list[str]) -> CaseEvent:
    """Hold a request the spam check flagged: no clock runs, no queue or public list shows it."""
    return history.append(
        case,
        kind=EventKind.QUARANTINE,
        at=case.submitted_at,
        by=SYSTEM,
        to_state=State.QUARANTINED,
        unit_id=case.owner_id,
        data={"score": round(score, 3), "reasons": list(reasons)},
        changes={"respond_by": None, "resolve_by": None},
    )


def case_release(*, case: Case, by: User) -> CaseEvent:
    """A dispatcher judges a held request real: it waits for dispatch, its clock starts now."""
    rules.require(rules.RELEASE, case=case, by=by)
    at = clock.now()
    changes = {"owner_since": at, "reminded_at": None, **_clock(case, at)}
    return history.append(
        case,
        kind=EventKind.RELEASE,
        at=at,
        by=by,
        to_state=State.SUBMITTED,
        unit_id=case.owner_id,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        changes=changes,
    )


def case_confirm_spam(*, case: Case, by: User, note: str = "") -> CaseEvent:
    """A dispatcher confirms a quarantined request is spam: closed and kept, never deleted."""
    rules.require(rules.CONFIRM_SPAM, case=case, by=by)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.SPAM,
        at=at,
        by=by,
        to_state=State.QUARANTINED,
        unit_id=case.owner_id,
        note=note.strip()[:1000],
        data={"confirmed": True},
        changes={"closed_at": at},
    )


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


def case_import(
    *,
    category: Category,
    description: str,
    division_code: str,
    contact_phone: str,
    submitted_at: datetime,
    by: User,
    title: str = "",
    address: str = "",
    contact_name: str = "",
    original_number: str = "",
) -> Case:
    """An unresolved case from before Jiceng (旧账) enters with its original date.

    The case keeps ``submitted_at`` (its age counts from it); its history starts at the
    import: the submit event is dated now, marked imported, with the original date and
    number in its data, so the hash chain covers the case from the moment it came in.
    It then waits for dispatch like any request.
    """
    if by.role not in (Role.DISPATCHER, Role.TOWNSHIP_STAFF) or not division_code.startswith(
        by.jurisdiction
    ):
        raise NotAllowed(_("Only dispatchers and township staff import old cases of their area."))
    if submitted_at > clock.now():
        raise InvalidInput(_("The original date must not be in the future."), field="submitted_at")
    case = _prepare(
        kind=Kind.REQUEST,
        category=category,
        title=title,
        description=description,
        division_code=division_code,
        address=address,
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=Channel.IN_PERSON,
        urgency=Urgency.NORMAL,
    )
    case.submitted_at = submitted_at
    imported = {"imported": True, "original_submitted_at": submitted_at.isoformat()}
    with transaction.atomic():
        _insert(case)
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=clock.now(),
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            respond_by=case.respond_by,
            data={"channel": case.channel, **imported, "original_number": original_number[:40]},
            changes={"number": _number(case)},
        )
    return case
