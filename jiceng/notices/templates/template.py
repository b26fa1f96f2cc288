"""One message template: its code, audience, parameters and wording (and email subject)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise

RESIDENT = "resident"
STAFF = "staff"


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


def t(code: str, audience: str, params: tuple[str, ...], text: Promise, **kw: Promise) -> Template:
    return Template(code, audience, params, text, **kw)
