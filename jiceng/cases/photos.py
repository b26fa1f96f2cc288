"""Photos sent with requests: checked by content, and stripped of what a camera hides in them.

A phone's photo carries EXIF: where it was taken (GPS), when, and the phone's make and
serial. A resident reporting a broken road should not give away where they live, so
every photo is decoded and written afresh with the pixels alone. The orientation the
EXIF asked for is applied to the pixels first, so the photo still stands the right way up.
"""

from __future__ import annotations

import io
import warnings

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from jiceng.core.errors import InvalidInput

# Content type and file extension of each format we keep, by Pillow's format name.
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
# A photo of more pixels than this is refused before it is decoded (a "decompression bomb").
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 90


def _not_a_photo() -> InvalidInput:
    return InvalidInput(_("The photo must be a JPEG, PNG or WebP image."), field="photo")


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise _not_a_photo()
            if image.width * image.height > MAX_PIXELS:
                raise InvalidInput(_("The photo has too many pixels."), field="photo")
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_a_photo() from None
    except Image.DecompressionBombWarning:
        raise InvalidInput(_("The photo has too many pixels."), field="photo") from None
    return image


def clean_photo(data: bytes) -> tuple[bytes, str, str]:
    """The photo re-encoded without metadata: (bytes, content type, extension).

    Raises InvalidInput(field="photo") for anything that is not a whole JPEG, PNG or WebP.
    """
    image = _open(data)
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
