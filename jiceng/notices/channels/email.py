"""Email through Django's mail backend (SMTP in production: EMAIL_HOST, EMAIL_PORT, ...).

The message's idempotency key becomes its Message-ID: a mail server does not drop a
second copy, so a crash between sending and marking can deliver one duplicate, which
the reader's mail program shows as the same message.
"""

from __future__ import annotations

import contextlib
import smtplib
import socket
from collections.abc import Sequence
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.outcomes import Outcome, Refused, Retry, Sent


class SmtpBackend(Backend):
    def __init__(self) -> None:
        super().__init__(idempotent=False, concurrency=1)

    def send(self, batch: Sequence[Outgoing]) -> list[Outcome]:
        """One connection for the batch; a message the server refuses fails alone."""
        outcomes: list[Outcome] = []
        try:
            connection = get_connection(settings.JICENG_EMAIL_DJANGO_BACKEND, fail_silently=False)
            connection.open()
        except (OSError, smtplib.SMTPException) as error:
            return [Retry(_reason(error))] * len(batch)
        try:
            for message in batch:
                outcomes.append(self._one(connection, message))
        finally:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                connection.close()
        return outcomes

    def _one(self, connection: object, message: Outgoing) -> Outcome:
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "jiceng.local"
        message_id = make_msgid(idstring=message.client_id, domain=domain)
        mail = EmailMessage(
            subject=message.subject,
            body=message.text,
            to=[message.to],
            connection=connection,  # type: ignore[arg-type]
            headers={"Message-ID": message_id, "X-Jiceng-Message": message.client_id},
        )
        try:
            mail.send()
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _text in error.recipients.values()]
            if codes and all(500 <= code < 600 for code in codes):
                return Refused(f"recipient refused ({codes[0]})")
            return Retry(f"recipient deferred ({codes[0] if codes else '?'})")
        except smtplib.SMTPResponseException as error:
            if 500 <= error.smtp_code < 600:
                return Refused(f"server refused ({error.smtp_code})")
            return Retry(f"server deferred ({error.smtp_code})")
        except (OSError, smtplib.SMTPException) as error:
            return Retry(_reason(error))
        return Sent(provider_id=message_id.strip("<>")[:64])


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.timeout | TimeoutError) or "timed out" in str(error):
        return "timed out"
    return type(error).__name__
