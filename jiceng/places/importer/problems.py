"""What makes one division wrong: its code's length and digits, its parent, its name."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.places.importer.code_shape import PARENT_LENGTH, is_ascii_digits
from jiceng.places.importer.problem_messages import code_message, parent_message
from jiceng.places.models import CODE_LENGTHS, Division

NAME_MAX_LENGTH = Division._meta.get_field("name").max_length or 100


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
        problems.append(("code", code_message(code, level)))
    elif not parent_ok:
        problems.append(("parent", parent_message(code, parent)))
    if not name:
        problems.append(("name", _("The name is empty.")))
    elif not name_ok:
        message = _("The name is longer than %(max)d characters.") % {"max": NAME_MAX_LENGTH}
        problems.append(("name", message))
    return problems
