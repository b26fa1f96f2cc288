"""Which runs of digits are personal numbers, and how each kind is masked."""

from __future__ import annotations

import re

from jiceng.core.crypto.masks import mask_id_number, mask_phone

_PHONE_WORD = re.compile(r"(?:电话|手机|联系|号码|座机|tel|TEL|Tel)[^0-9]{0,4}$")
# Six digits of place, a birth date from 1800 on, three of sequence and a check character.
_ID_NUMBER = re.compile(
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
)


def masked_run(run: str, before: str) -> str | None:
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
