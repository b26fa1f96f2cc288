"""Email to staff goes through Django's SMTP backend, here to a real SMTP server in-process."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pytest_django import Settings

from jiceng.cases.models import Urgency
from jiceng.core import clock
from jiceng.notices import channels, outbox
from jiceng.notices.models import Channel, Message, StaffContact, Status
from jiceng.people.models import User

from factories import dispatched

pytestmark = pytest.mark.django_db


class Inbox:
    """What the SMTP server received; ``answer`` makes it refuse or defer the next mails."""

    def __init__(self) -> None:
        self.mails: list[Any] = []
        self.answer = "250 OK"

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        if self.answer.startswith("250"):
            self.mails.append(message_from_bytes(envelope.content))
        return self.answer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """An SMTP server on one loopback port that can go down and come back."""

    def __init__(self, inbox: Inbox) -> None:
        self.inbox, self.port = inbox, _free_port()
        self.controller: Controller | None = None

    def up(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def down(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings: Settings) -> Iterator[tuple[Inbox, Server]]:
    inbox = Inbox()
    server = Server(inbox)
    server.up()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_TIMEOUT = 2
    settings.JICENG_NOTICE_BACKENDS = {
        "sms": "jiceng.notices.channels.files.SmsFileBackend",
        "email": "jiceng.notices.channels.email.SmtpBackend",
    }
    channels.forget()
    yield inbox, server
    server.down()


@pytest.fixture
def cadre_by_email(users: dict[str, User]) -> User:
    cadre = users["cadre"]
    cadre.email = "cadre@tianzhu.example.cn"
    cadre.save(update_fields=["email"])
    StaffContact.objects.create(user=cadre, by_email=True)
    return cadre


def _email() -> Message:
    return Message.objects.get(channel=Channel.EMAIL)


def test_an_emergency_reaches_the_units_staff_by_email_at_once(
    users: dict[str, User], cadre_by_email: User, smtp: tuple[Inbox, Server], monday: object
) -> None:
    inbox, _server = smtp
    case = dispatched(users, urgency=Urgency.EMERGENCY)
    outbox.drain()
    (mail,) = inbox.mails
    assert mail["To"] == "cadre@tianzhu.example.cn"
    assert case.number in mail["Subject"]
    assert f"/workbench/cases/{case.number}/" in mail.get_payload(decode=True).decode()
    message = _email()
    assert message.status == Status.SENT
    assert message.provider_id and message.client_id in mail["Message-ID"]


def test_a_mail_server_that_is_down_loses_nothing_and_the_mail_goes_when_it_is_back(
    users: dict[str, User], cadre_by_email: User, smtp: tuple[Inbox, Server], monday: object
) -> None:
    inbox, server = smtp
    server.down()
    dispatched(users, urgency=Urgency.EMERGENCY)
    outbox.drain()
    waiting = _email()
    assert (waiting.status, waiting.error) == (Status.PENDING, "connection refused")
    server.up()
    with clock.frozen_at(waiting.not_before):
        outbox.drain()
    assert _email().status == Status.SENT
    assert len(inbox.mails) == 1


def test_a_deferring_server_is_tried_again_and_a_refusing_one_fails_with_its_code(
    users: dict[str, User], cadre_by_email: User, smtp: tuple[Inbox, Server], monday: object
) -> None:
    inbox, _server = smtp
    inbox.answer = "451 try again later"
    dispatched(users, urgency=Urgency.EMERGENCY)
    outbox.drain()
    deferred = _email()
    assert (deferred.status, deferred.error) == (Status.PENDING, "server deferred (451)")
    inbox.answer = "554 no such mailbox"
    with clock.frozen_at(deferred.not_before):
        outbox.drain()
    failed = _email()
    assert (failed.status, failed.error) == (Status.FAILED, "server refused (554)")
    assert inbox.mails == []


def test_a_server_that_never_answers_times_out_and_is_tried_again(
    users: dict[str, User], cadre_by_email: User, settings: Settings, monday: object
) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections, never says a word
    stop = threading.Event()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent.getsockname()[1]
    settings.EMAIL_TIMEOUT = 1
    settings.JICENG_NOTICE_BACKENDS = {
        "sms": "jiceng.notices.channels.files.SmsFileBackend",
        "email": "jiceng.notices.channels.email.SmtpBackend",
    }
    channels.forget()
    try:
        dispatched(users, urgency=Urgency.EMERGENCY)
        outbox.drain()
    finally:
        stop.set()
        silent.close()
    message = _email()
    assert (message.status, message.error) == (Status.PENDING, "timed out")
    assert message.attempts == 1
