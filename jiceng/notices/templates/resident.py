"""The messages to residents, by SMS."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jiceng.notices.templates.template import RESIDENT, Template, t

TEMPLATES: tuple[Template, ...] = (
    t(
        "case_received",
        RESIDENT,
        ("number", "deadline", "link"),
        _(
            "Your request %(number)s was received and is due to be resolved by "
            "%(deadline)s. Follow it: %(link)s"
        ),
    ),
    t(
        "case_accepted",
        RESIDENT,
        ("number", "unit"),
        _("Your request %(number)s was accepted by %(unit)s, who are handling it now."),
    ),
    t(
        "case_escalated",
        RESIDENT,
        ("number", "unit"),
        _("Your request %(number)s was handed up to %(unit)s, who will handle it now."),
    ),
    t(
        "case_progress",
        RESIDENT,
        ("number", "unit", "link"),
        _("%(unit)s sent you news of your request %(number)s: %(link)s"),
    ),
    t(
        "case_resolved",
        RESIDENT,
        ("number", "unit", "link"),
        _("%(unit)s reports your request %(number)s resolved. Was it? Please tell us: %(link)s"),
    ),
    t(
        "case_reopened",
        RESIDENT,
        ("number", "unit"),
        _("Your request %(number)s is being handled again, by %(unit)s."),
    ),
    t(
        "case_merged",
        RESIDENT,
        ("number", "into", "link"),
        _(
            "Your request %(number)s is about the same problem as request %(into)s and "
            "is handled with it. Follow it: %(link)s"
        ),
    ),
    t(
        "consultation_answered",
        RESIDENT,
        ("number", "link"),
        _("The answer to your question %(number)s is here: %(link)s"),
    ),
)
