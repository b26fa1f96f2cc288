"""Each condition of a rule as a sentence, and as a reason where health marks stay unnamed."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.policies.rules.fields import FIELDS, HEALTH_FIELDS, PROTECTED_REASON, Rule

# One sentence per comparison, so that each language words an age in its own way.
AGE_WORDS: dict[str, Promise] = {
    ">=": gettext_lazy("aged %(n)d or over"),
    "<=": gettext_lazy("aged %(n)d or under"),
    ">": gettext_lazy("older than %(n)d"),
    "<": gettext_lazy("younger than %(n)d"),
    "==": gettext_lazy("aged %(n)d"),
}


def condition_text(rule: Rule) -> str:
    """One condition in words, naming every attribute, e.g. "aged 80 or over"."""
    label, kind, _path = FIELDS[rule["field"]]
    if kind == "number":
        return str(AGE_WORDS[rule["op"]]) % {"n": rule["value"]}
    if kind == "flag":
        return str(label) if rule["value"] else _("not %(field)s") % {"field": label}
    return _("registered in %(place)s") % {"place": rule["value"]}


def describe(rule: Rule) -> str:
    """Why a person matched, e.g. "aged 80 or over"; health marks stay unnamed."""
    if rule["field"] in HEALTH_FIELDS:
        return str(PROTECTED_REASON)
    return condition_text(rule)
