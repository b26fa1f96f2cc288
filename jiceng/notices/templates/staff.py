"""The messages to staff: in the workbench inbox, and digests of it by SMS or email."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jiceng.notices.templates.template import STAFF, Template, t

TEMPLATES: tuple[Template, ...] = (
    # --- to staff, in the workbench inbox ---------------------------------------------
    t(
        "case_new",
        STAFF,
        ("number", "title", "deadline"),
        _("New case %(number)s: %(title)s. Accept it by %(deadline)s."),
    ),
    t(
        "respond_due",
        STAFF,
        ("number", "share", "deadline"),
        _("Case %(number)s: %(share)s%% of the time to accept it has passed (due %(deadline)s)."),
    ),
    t(
        "resolve_due",
        STAFF,
        ("number", "share", "deadline"),
        _("Case %(number)s: %(share)s%% of the time to resolve it has passed (due %(deadline)s)."),
    ),
    t(
        "case_overdue",
        STAFF,
        ("number", "deadline"),
        _("Case %(number)s is overdue: it was due %(deadline)s."),
    ),
    t(
        "dispatch_due",
        STAFF,
        ("number", "deadline"),
        _("Request %(number)s is still waiting for dispatch; dispatch it by %(deadline)s."),
    ),
    t(
        "case_reopened_staff",
        STAFF,
        ("number", "title"),
        pgettext_lazy("inbox", "Case %(number)s was reopened: %(title)s."),
    ),
    t(
        "case_flagged",
        STAFF,
        ("number", "unit"),
        _("Request %(number)s waited at %(unit)s past its deadline for dispatch."),
    ),
    t(
        "centre_waiting",
        STAFF,
        ("count", "oldest"),
        _("%(count)s new requests are waiting for dispatch; the oldest came in at %(oldest)s."),
    ),
    # --- to staff, by SMS or email: a digest of their unit's inbox --------------------
    t(
        "staff_digest",
        STAFF,
        ("count", "link"),
        _("You have %(count)s new notices in the Jiceng workbench: %(link)s"),
        subject=_("Jiceng: %(count)s new notices"),
    ),
    t(
        "staff_urgent",
        STAFF,
        ("number", "title", "link"),
        _("Emergency case %(number)s for your unit: %(title)s. %(link)s"),
        subject=_("Jiceng: emergency case %(number)s"),
    ),
)
