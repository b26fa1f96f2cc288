"""Fixtures of the notification tests: the fake SMS gateway, with settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import Settings

from sms_gateway import ACCESS_KEY_ID, TOKEN, Gateway

ADAPTERS = {
    "aliyun": "jiceng.notices.channels.aliyun.AliyunSmsBackend",
    "tencent": "jiceng.notices.channels.tencent.TencentSmsBackend",
    "http": "jiceng.notices.channels.http.HttpSmsBackend",
}


def point_sms_at(settings: Settings, gateway: Gateway, adapter: str) -> None:
    """Settings as an operator writes them for ``adapter``, with the gateway on loopback."""
    settings.JICENG_SMS_BACKEND = adapter
    settings.JICENG_NOTICE_BACKENDS = {**settings.JICENG_NOTICE_BACKENDS, "sms": ADAPTERS[adapter]}
    settings.JICENG_SMS_ENDPOINT = gateway.base
    settings.JICENG_SMS_HTTP_URL = f"{gateway.base}/sms"
    settings.JICENG_SMS_HTTP_TOKEN = TOKEN
    settings.JICENG_SMS_ACCESS_KEY_ID = ACCESS_KEY_ID
    settings.JICENG_SMS_ACCESS_KEY_SECRET = "test-secret"
    settings.JICENG_SMS_APP_ID = "1400006666"
    settings.JICENG_SMS_SIGN_NAME = "基层治理"
    settings.JICENG_SMS_TIMEOUT = 1


@pytest.fixture
def sms_gateway(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Gateway]:
    """The fake gateway, and the SMS channel sending to it through one adapter.

    The adapter is "http" unless the test asks for another one:
    ``@pytest.mark.parametrize("sms_gateway", ["aliyun"], indirect=True)``.
    """
    adapter = getattr(request, "param", "http")
    gateway = Gateway().start()
    point_sms_at(settings, gateway, adapter)
    try:
        yield gateway
    finally:
        gateway.stop()
