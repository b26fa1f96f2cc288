"""The event of a kept photo: its row and content's digest under the case's chain."""

from __future__ import annotations

from jiceng.cases import history
from jiceng.cases.models import Case, CaseAttachment, CaseEvent, EventKind
from jiceng.cases.services.system import SYSTEM


def record_photo(case: Case, attachment: CaseAttachment, sha256: str) -> CaseEvent:
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
