"""System checks of the notification settings, shown by ``jiceng manage check``."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from jiceng.notices import channels

SENDING_SMS = {"aliyun", "tencent", "http"}


def notices_check(**_kwargs: Any) -> list[checks.CheckMessage]:
    found: list[checks.CheckMessage] = []
    sends = settings.JICENG_SMS_BACKEND in SENDING_SMS or settings.JICENG_EMAIL_BACKEND == "smtp"
    if sends and not settings.JICENG_PUBLIC_URL:
        found.append(
            checks.Error(
                "Messages carry links, but JICENG_PUBLIC_URL is not set: they would point at "
                "localhost.",
                hint="Set JICENG_PUBLIC_URL to the address residents use, e.g. "
                "https://jiceng.example.gov.cn",
                id="jiceng.E101",
            )
        )
    for channel in ("sms", "email"):
        try:
            channels.backend(channel)  # built as the drain builds it: missing keys show here
        except ImproperlyConfigured as error:
            found.append(checks.Error(str(error), hint="docs/sms-gateways.md", id="jiceng.E103"))
    if settings.JICENG_ENV == "production" and settings.JICENG_SMS_BACKEND in {"off", "file"}:
        found.append(
            checks.Warning(
                f"JICENG_SMS_BACKEND is {settings.JICENG_SMS_BACKEND}: residents get no SMS "
                "of their requests.",
                hint="Configure a gateway (docs/notifications.md).",
                id="jiceng.W102",
            )
        )
    return found
