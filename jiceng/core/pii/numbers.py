"""Personal numbers in free text: mobiles, landlines, ID numbers and bank-card-like runs."""

from __future__ import annotations

import re

from jiceng.core.pii.number_kinds import masked_run

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


def numbers(text: str, hide: str | None) -> str:
    """``text`` with its personal numbers masked, or replaced by ``hide``."""
    if not _ANY_RUN.search(text):
        return text
    mapped = text.translate(_WIDTH) if _WIDE.search(text) else text
    pieces: list[str] = []
    last = 0
    for match in _RUN.finditer(mapped):
        masked = masked_run(match.group(), mapped[max(0, match.start() - 10) : match.start()])
        if masked is None:
            continue
        pieces.extend((text[last : match.start()], masked if hide is None else hide))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
