"""Photos sent with a request, kept without their metadata and under the chain."""

from __future__ import annotations

import hashlib
import secrets

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases import history, photos
from jiceng.cases.models import Case, CaseAttachment, CaseEvent, EventKind
from jiceng.cases.services.system import SYSTEM
from jiceng.core import clock
from jiceng.core.errors import InvalidInput

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
