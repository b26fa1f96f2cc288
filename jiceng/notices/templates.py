"""Every message Jiceng sends: its template code, its parameters and its wording.

Chinese SMS gateways send a template registered beforehand (a code plus named or numbered
parameters), never free text; ``docs/notifications.md`` lists these templates in the form
the gateways ask for (``markdown_table``, kept equal by a test). The same catalogue words
emails and the workbench inbox, in the reader's language.

Parameters are stored with the message, language-neutral: a time as ISO 8601, turned into
"12月8日 17:00" only when the message is worded (``render``). Parameters never hold a
phone number, an ID number or a resident's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

RESIDENT = "resident"
STAFF = "staff"

# A resident's link is stored as what it is for (notices.links: follow, rate).
LINK_PURPOSES = frozenset({"f", "r"})
# Parameters holding an instant (ISO 8601), worded as a local date and time.
TIME_PARAMS = frozenset({"deadline", "oldest"})


@dataclass(frozen=True)
class Template:
    code: str
    audience: str
    params: tuple[str, ...]
    text: Promise  # with %(name)s placeholders, one per parameter
    subject: Promise | None = None  # for email

    @property
    def sent_by(self) -> str:
        if self.audience == RESIDENT:
            return "SMS"
        return "SMS, email" if self.subject is not None else "inbox"

    def gateway_text(self) -> str:
        """The wording as registered with an SMS gateway: ``${name}`` placeholders, in Chinese."""
        with translation.override("zh-hans"):
            return str(self.text) % {name: "${" + name + "}" for name in self.params}


def _t(code: str, audience: str, params: tuple[str, ...], text: Promise, **kw: Promise) -> Template:
    return Template(code, audience, params, text, **kw)


TEMPLATES: dict[str, Template] = {
    t.code: t
    for t in (
        # --- to residents, by SMS ---------------------------------------------------------
        _t(
            "case_received",
            RESIDENT,
            ("number", "deadline", "link"),
            _(
                "Your request %(number)s was received and is due to be resolved by "
                "%(deadline)s. Follow it: %(link)s"
            ),
        ),
        _t(
            "case_accepted",
            RESIDENT,
            ("number", "unit"),
            _("Your request %(number)s was accepted by %(unit)s, who are handling it now."),
        ),
        _t(
            "case_escalated",
            RESIDENT,
            ("number", "unit"),
            _("Your request %(number)s was handed up to %(unit)s, who will handle it now."),
        ),
        _t(
            "case_progress",
            RESIDENT,
            ("number", "unit", "link"),
            _("%(unit)s sent you news of your request %(number)s: %(link)s"),
        ),
        _t(
            "case_resolved",
            RESIDENT,
            ("number", "unit", "link"),
            _(
                "%(unit)s reports your request %(number)s resolved. Was it? "
                "Please tell us: %(link)s"
            ),
        ),
        _t(
            "case_reopened",
            RESIDENT,
            ("number", "unit"),
            _("Your request %(number)s is being handled again, by %(unit)s."),
        ),
        _t(
            "case_merged",
            RESIDENT,
            ("number", "into", "link"),
            _(
                "Your request %(number)s is about the same problem as request %(into)s and "
                "is handled with it. Follow it: %(link)s"
            ),
        ),
        _t(
            "consultation_answered",
            RESIDENT,
            ("number", "link"),
            _("The answer to your question %(number)s is here: %(link)s"),
        ),
        # --- to staff, in the workbench inbox ---------------------------------------------
        _t(
            "case_new",
            STAFF,
            ("number", "title", "deadline"),
            _("New case %(number)s: %(title)s. Accept it by %(deadline)s."),
        ),
        _t(
            "respond_due",
            STAFF,
            ("number", "share", "deadline"),
            _(
                "Case %(number)s: %(share)s%% of the time to accept it has passed "
                "(due %(deadline)s)."
            ),
        ),
        _t(
            "resolve_due",
            STAFF,
            ("number", "share", "deadline"),
            _(
                "Case %(number)s: %(share)s%% of the time to resolve it has passed "
                "(due %(deadline)s)."
            ),
        ),
        _t(
            "case_overdue",
            STAFF,
            ("number", "deadline"),
            _("Case %(number)s is overdue: it was due %(deadline)s."),
        ),
        _t(
            "dispatch_due",
            STAFF,
            ("number", "deadline"),
            _("Request %(number)s is still waiting for dispatch; dispatch it by %(deadline)s."),
        ),
        _t(
            "case_reopened_staff",
            STAFF,
            ("number", "title"),
            pgettext_lazy("inbox", "Case %(number)s was reopened: %(title)s."),
        ),
        _t(
            "case_flagged",
            STAFF,
            ("number", "unit"),
            _("Request %(number)s waited at %(unit)s past its deadline for dispatch."),
        ),
        _t(
            "centre_waiting",
            STAFF,
            ("count", "oldest"),
            _("%(count)s new requests are waiting for dispatch; the oldest came in at %(oldest)s."),
        ),
        # --- to staff, by SMS or email: a digest of their unit's inbox --------------------
        _t(
            "staff_digest",
            STAFF,
            ("count", "link"),
            _("You have %(count)s new notices in the Jiceng workbench: %(link)s"),
            subject=_("Jiceng: %(count)s new notices"),
        ),
        _t(
            "staff_urgent",
            STAFF,
            ("number", "title", "link"),
            _("Emergency case %(number)s for your unit: %(title)s. %(link)s"),
            subject=_("Jiceng: emergency case %(number)s"),
        ),
    )
}


def _worded(name: str, value: object) -> str:
    if name in TIME_PARAMS and isinstance(value, str) and value:
        try:
            moment = timezone.localtime(datetime.fromisoformat(value))
        except ValueError:
            return value  # not a time after all: shown as it is rather than not at all
        return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    return str(value)


LinkMaker = Callable[[str], str]


def worded_params(
    code: str, params: Mapping[str, object], *, link: LinkMaker | None = None
) -> dict[str, str]:
    """The template's parameters as strings, in the active language (what a gateway gets).

    A resident's link is stored as what it is for (``links.FOLLOW``, ``links.RATE``) and made
    by ``link`` when the message is sent; without ``link`` it is left out ("…").
    """
    template = TEMPLATES[code]
    worded = {name: _worded(name, params.get(name, "")) for name in template.params}
    if "link" in worded and worded["link"] in LINK_PURPOSES:
        worded["link"] = link(worded["link"]) if link is not None else "…"
    return worded


def render(
    code: str,
    params: Mapping[str, object],
    *,
    language: str | None = None,
    link: LinkMaker | None = None,
) -> str:
    """The message worded in ``language`` (default: the active one)."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return str(TEMPLATES[code].text) % worded_params(code, params, link=link)


def subject(code: str, params: Mapping[str, object]) -> str:
    template = TEMPLATES[code]
    words = template.subject or template.text
    return (str(words) % worded_params(code, params)).splitlines()[0][:120]


def markdown_table() -> str:
    """Every template, with the SMS wording as a gateway registers it (docs/notifications.md)."""
    lines = [
        "| Code | Sent by | Parameters | Wording (zh-Hans, as registered) |",
        "|---|---|---|---|",
    ]
    for t in TEMPLATES.values():
        params = ", ".join(f"`{p}`" for p in t.params)
        lines.append(f"| `{t.code}` | {t.sent_by} | {params} | {t.gateway_text()} |")
    return "\n".join(lines) + "\n"
