"""What makes one division wrong: its code's length and digits, its parent, its name.

Shared with the admin, so a hand-made division obeys the same rules as an imported one.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.places.models import CODE_LENGTHS, LEVEL_BY_LENGTH, Division

NAME_MAX_LENGTH = Division._meta.get_field("name").max_length or 100
LENGTHS = sorted(LEVEL_BY_LENGTH)
# Code length → length of its parent's code (0: provinces have no parent).
PARENT_LENGTH: dict[int, int] = dict(zip(LENGTHS, [0, *LENGTHS[:-1]], strict=True))


def division_problems(
    code: str, name: str, parent: str, *, level: str | None = None
) -> list[tuple[str, str]]:
    """What is wrong with one division, as (field, message) pairs; empty when nothing is.

    ``level`` is the level a national file claims; None takes it from the
    code's length. Fields are ``code``, ``name`` and ``parent``. Shared with
    the admin so a hand-made division obeys the same rules as an imported one.
    """
    length = CODE_LENGTHS[level] if level else len(code)
    code_ok = len(code) == length and length in PARENT_LENGTH and is_ascii_digits(code)
    parent_ok = code_ok and parent == code[: PARENT_LENGTH[length]]
    name_ok = 0 < len(name) <= NAME_MAX_LENGTH
    if parent_ok and name_ok:  # the common case: no messages to build
        return []
    problems: list[tuple[str, str]] = []
    if not code_ok:
        problems.append(("code", _code_message(code, level)))
    elif not parent_ok:
        problems.append(("parent", _parent_message(code, parent)))
    if not name:
        problems.append(("name", _("The name is empty.")))
    elif not name_ok:
        message = _("The name is longer than %(max)d characters.") % {"max": NAME_MAX_LENGTH}
        problems.append(("name", message))
    return problems


def is_ascii_digits(text: str) -> bool:
    # str.isdigit alone accepts other scripts' digits, such as "²" or "٣".
    return text.isascii() and text.isdigit()


def _code_message(code: str, level: str | None) -> str:
    if level:
        expected = _("a code of %(length)d digits") % {"length": CODE_LENGTHS[level]}
    else:
        expected = _("a code of 2, 4, 6, 9 or 12 digits")
    return _("Expected %(expected)s, found “%(code)s”.") % {"expected": expected, "code": code}


def _parent_message(code: str, parent: str) -> str:
    expected = code[: PARENT_LENGTH[len(code)]]
    if not expected:
        return _("A province has no parent; leave it empty, found “%(parent)s”.") % {
            "parent": parent
        }
    return _(
        "Expected the parent code %(expected)s (the start of the code), found “%(parent)s”."
    ) % {
        "expected": expected,
        "parent": parent,
    }
