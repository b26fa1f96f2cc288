"""Root causes (根源): why a resolved problem happened, from a short list per category.

Recorded, optionally, when a case is resolved: in the resolve event's data, so under the
case's hash chain (``cases.history``), never as a mutable field. The list is short on
purpose: a cadre picks in a second, and the monthly report can count like with like.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core.errors import InvalidInput

MAX_TEXT = 300
ROOT_CAUSE = "root_cause"
ROOT_CAUSE_TEXT = "root_cause_text"

# Causes that can lie behind a problem of any category.
COMMON = {
    "no_owner": gettext_lazy("Nobody was clearly responsible"),
    "policy_unknown": gettext_lazy("The policy was not known or not explained"),
    "policy_gap": gettext_lazy("No policy or rule covers it"),
    "slow_process": gettext_lazy("The procedure is too slow or complicated"),
    "one_off": gettext_lazy("A one-off event"),
}
BY_CATEGORY = {
    "transport": {
        "ageing_facility": gettext_lazy("Ageing road or facility"),
        "no_maintenance": gettext_lazy("No maintenance plan or funds"),
        "construction": gettext_lazy("Caused by construction works"),
    },
    "utilities": {
        "ageing_facility": gettext_lazy("Ageing pipes, lines or equipment"),
        "no_maintenance": gettext_lazy("No maintenance plan or funds"),
        "construction": gettext_lazy("Caused by construction works"),
    },
    "environment": {
        "enterprise": gettext_lazy("An enterprise's emissions or waste"),
        "no_maintenance": gettext_lazy("Cleaning or collection not organised"),
        "resident_habit": gettext_lazy("Residents' habits"),
    },
    "housing": {
        "property_management": gettext_lazy("Property management failing"),
        "ageing_facility": gettext_lazy("Ageing building"),
        "contract_dispute": gettext_lazy("A contract or ownership dispute"),
    },
    "dispute": {
        "contract_dispute": gettext_lazy("A contract or ownership dispute"),
        "neighbour_conflict": gettext_lazy("A conflict between neighbours"),
    },
    "employment": {"wage_arrears": gettext_lazy("An employer not paying wages")},
    "social_security": {"eligibility_rule": gettext_lazy("The eligibility rule left them out")},
}


def choices(category: str) -> list[tuple[str, str]]:
    """(code, label) of the causes offered for a category: its own, then the common ones."""
    offered = {**BY_CATEGORY.get(category, {}), **COMMON}
    return [(code, str(label)) for code, label in offered.items()]


def label(code: str) -> str:
    for causes in (COMMON, *BY_CATEGORY.values()):
        if code in causes:
            return str(causes[code])
    return code


def clean(category: str, code: str, text: str) -> dict[str, str]:
    """The event data of a root cause, or {} when none is given; InvalidInput if not allowed."""
    code, text = code.strip(), " ".join(text.split())
    if not code and not text:
        return {}
    if not code:
        raise InvalidInput(_("Choose a root cause for the explanation."), field=ROOT_CAUSE)
    if code not in dict(choices(category)):
        raise InvalidInput(_("This root cause is not in the category's list."), field=ROOT_CAUSE)
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            _("Explain the root cause in at most %(n)d characters.") % {"n": MAX_TEXT},
            field=ROOT_CAUSE_TEXT,
        )
    return {ROOT_CAUSE: code, ROOT_CAUSE_TEXT: text} if text else {ROOT_CAUSE: code}
