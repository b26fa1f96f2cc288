"""Personal numbers in free text: mobiles, landlines, ID numbers and bank-card-like runs."""

from __future__ import annotations

import re

from jiceng.core.crypto.masks import mask_id_number, mask_phone

# Full-width digits, letters X and separators typed on phones, mapped one to one so that
# positions found in the mapped text are positions in the original.
_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－—–\u3000）", "0123456789Xx--- )")
_WIDE = re.compile("[０-９Ｘｘ－—–\u3000）]")
# Most text holds no run long enough to be a number worth masking: one search says so.
_ANY_RUN = re.compile(r"[0-9０-９](?:[ \-)－—–\u3000）]?[0-9０-９]){6}")

# A run of digits, broken at most once between any two digits by a space, dash or the
# closing bracket of an area code; an ID number's final X. Letters or digits around
# it make it part of something else (a model number, a case number with letters).
_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \-)]?[0-9])*[Xx]?(?![0-9A-Za-z])")
_PHONE_WORD = re.compile(r"(?:电话|手机|联系|号码|座机|tel|TEL|Tel)[^0-9]{0,4}$")
# Six digits of place, a birth date from 1800 on, three of sequence and a check character.
_ID_NUMBER = re.compile(
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
)


def _masked_run(run: str, before: str) -> str | None:
    """The masked form of a digit run, or None when it is not personal data."""
    digits = re.sub(r"[^0-9Xx]", "", run).upper()
    if digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        return "86" + mask_phone(digits[2:])
    if len(digits) == 11 and re.fullmatch(r"1[3-9]\d{9}", digits):
        return mask_phone(digits)
    if len(digits) == 18 and _ID_NUMBER.fullmatch(digits):
        return mask_id_number(digits)
    if len(digits) == 15 and run.isdigit() and digits[0] != "0":
        return mask_id_number(digits)
    if 10 <= len(digits) <= 12 and digits[0] == "0" and digits[1] != "0":
        return mask_phone(digits)
    if 16 <= len(digits) <= 19 and digits.isdigit():
        return mask_id_number(digits)
    if 7 <= len(digits) <= 8 and _PHONE_WORD.search(before):
        return "*" * (len(digits) - 4) + digits[-4:]
    return None


def numbers(text: str, hide: str | None) -> str:
    """``text`` with its personal numbers masked, or replaced by ``hide``."""
    if not _ANY_RUN.search(text):
        return text
    mapped = text.translate(_WIDTH) if _WIDE.search(text) else text
    pieces: list[str] = []
    last = 0
    for match in _RUN.finditer(mapped):
        masked = _masked_run(match.group(), mapped[max(0, match.start() - 10) : match.start()])
        if masked is None:
            continue
        pieces.extend((text[last : match.start()], masked if hide is None else hide))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
