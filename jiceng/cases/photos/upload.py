"""A photo's upload read into memory, refused past 5 MB without reading more."""

from __future__ import annotations

from django.core.files import File
from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput

MAX_PHOTO_BYTES = 5 * 1024 * 1024


def read_upload(file: File) -> bytes:
    too_big = InvalidInput(_("The photo must be at most 5 MB."), field="photo")
    if (file.size or 0) > MAX_PHOTO_BYTES:
        raise too_big
    file.seek(0)
    data = file.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise too_big
    return bytes(data)
