"""The spam check's reasons, in the dispatcher's language.

The check (``jiceng.textmining.spam``, free of Django) names its evidence in fixed English
phrases, and the quarantine event keeps them in its hash-chained data. They are shown by
reading each phrase back into its values and wording it again with a translated sentence.
A phrase the table does not know is shown as it was stored.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PHRASES: tuple[tuple[re.Pattern[str], Promise], ...] = (
    (
        re.compile(r"keyword stuffing: (?P<n>\d+) gambling/porn phrases \((?P<terms>.*)\)"),
        gettext_lazy("keyword stuffing: %(n)s gambling or porn phrases (%(terms)s)"),
    ),
    (
        re.compile(
            r"keyword stuffing: a list of (?P<n>\d+) short segments separated by (?P<by>.+)"
        ),
        gettext_lazy("keyword stuffing: a list of %(n)s short segments separated by %(by)s"),
    ),
    (
        re.compile(
            r"adult/gambling vocabulary density (?P<density>[\d.]+) "
            r"\((?P<k>\d+) of (?P<n>\d+) segments(?:: (?P<examples>.*))?\)"
        ),
        gettext_lazy(
            "adult or gambling words in %(k)s of %(n)s segments (density %(density)s)%(examples)s"
        ),
    ),
    (re.compile(r"probability (?P<p>[\d.]+)"), gettext_lazy("probability %(p)s")),
    (
        re.compile(r"links: (?P<n>\d+) URLs to (?P<d>\d+) domains"),
        gettext_lazy("links: %(n)s addresses on %(d)s sites"),
    ),
    (re.compile(r"advertising: call to action"), gettext_lazy("advertising: a call to action")),
    (re.compile(r"advertising: (?P<what>.+)"), gettext_lazy("advertising: %(what)s")),
    (
        re.compile(r"repetition: compresses to (?P<ratio>\d+%)"),
        gettext_lazy("repetition: the text compresses to %(ratio)s"),
    ),
    (
        re.compile(r"repetition: one line repeated (?P<n>\d+) times"),
        gettext_lazy("repetition: one line repeated %(n)s times"),
    ),
)
HANDLE = re.compile(r"\bhandle (\S+)")


def _values(match: re.Match[str]) -> dict[str, str]:
    values = {name: value or "" for name, value in match.groupdict().items()}
    if values.get("by") == "space":
        values["by"] = _("spaces")
    if "what" in values:
        values["what"] = HANDLE.sub(
            lambda m: _("account %(id)s") % {"id": m.group(1)}, values["what"]
        )
    if values.get("examples"):
        values["examples"] = f": {values['examples']}"
    return values


def _phrase(text: str) -> str:
    for pattern, sentence in PHRASES:
        match = pattern.fullmatch(text)
        if match is not None:
            return str(sentence) % _values(match)
    return text


def spam_reason(reason: str) -> str:
    """One stored reason (several phrases joined by "; ") in the active language."""
    return _("; ").join(_phrase(part) for part in str(reason).split("; "))
