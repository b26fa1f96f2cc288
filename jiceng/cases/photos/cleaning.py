"""A photo written afresh, upright, with its pixels alone: no GPS, time or camera."""

from __future__ import annotations

import io

from PIL import ImageOps

from jiceng.cases.photos.opening import FORMATS, open_photo

JPEG_QUALITY = 90


def clean_photo(data: bytes) -> tuple[bytes, str, str]:
    """The photo re-encoded without metadata: (bytes, content type, extension).

    Raises InvalidInput(field="photo") for anything that is not a whole JPEG, PNG or WebP.
    """
    image = open_photo(data)
    source_format = str(image.format)
    content_type, extension = FORMATS[source_format]
    upright = ImageOps.exif_transpose(image) or image
    out = io.BytesIO()
    if source_format == "JPEG":
        upright.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif source_format == "PNG":
        upright.save(out, "PNG", optimize=True)  # no text, EXIF or time chunks are copied
    else:
        upright.save(out, "WEBP", quality=JPEG_QUALITY)
    return out.getvalue(), content_type, extension
