"""Photos sent with a request, kept without their metadata and under the chain."""

from __future__ import annotations

import hashlib
import secrets

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from jiceng.cases import photos
from jiceng.cases.models import Case, CaseAttachment
from jiceng.cases.services.attach_event import record_photo
from jiceng.core import clock


def case_attach_photo(*, case: Case, file: File) -> CaseAttachment:
    """Keep a photo sent with a request: JPEG, PNG or WebP (judged by content), at most 5 MB,
    re-encoded without its metadata (GPS, time, camera: see cases.photos).

    Bad input raises InvalidInput(field="photo") before anything is written. The row and
    an ``attach`` event with the content's sha256 are written together.
    """
    data, content_type, extension = photos.clean_photo(photos.read_upload(file))
    at = clock.now()
    name = f"cases/{timezone.localtime(at):%Y/%m}/{secrets.token_hex(16)}.{extension}"
    stored = default_storage.save(name, ContentFile(data))
    try:
        with transaction.atomic():
            attachment = CaseAttachment.objects.create(
                case=case, file=stored, uploaded_at=at, size=len(data), content_type=content_type
            )
            record_photo(case, attachment, hashlib.sha256(data).hexdigest())
            return attachment
    except Exception:
        default_storage.delete(stored)  # no file without its row
        raise
