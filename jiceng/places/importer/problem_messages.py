"""The messages naming a wrong division code or parent, with what was expected."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.places.importer.code_shape import PARENT_LENGTH
from jiceng.places.models import CODE_LENGTHS


def code_message(code: str, level: str | None) -> str:
    if level:
        expected = _("a code of %(length)d digits") % {"length": CODE_LENGTHS[level]}
    else:
        expected = _("a code of 2, 4, 6, 9 or 12 digits")
    return _("Expected %(expected)s, found “%(code)s”.") % {"expected": expected, "code": code}


def parent_message(code: str, parent: str) -> str:
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
