"""A photo opened from its bytes: a whole JPEG, PNG or WebP of bounded size, else refused."""

from __future__ import annotations

import io
import warnings

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from jiceng.core.errors import InvalidInput

# Content type and file extension of each format we keep, by Pillow's format name.
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
# A photo of more pixels than this is refused before it is decoded (a "decompression bomb").
MAX_PIXELS = 40_000_000


def _not_a_photo() -> InvalidInput:
    return InvalidInput(_("The photo must be a JPEG, PNG or WebP image."), field="photo")


def open_photo(data: bytes) -> Image.Image:
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
