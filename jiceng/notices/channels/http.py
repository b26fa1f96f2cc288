"""A generic JSON-over-HTTPS adapter for provincial government SMS gateways (政务短信平台).

The protocol is ours, written down in docs/sms-gateways.md for a gateway's vendor: one
POST per message to JICENG_SMS_HTTP_URL with ``Authorization: Bearer <token>`` and
``Idempotency-Key: <client id>``; a gateway that follows it sends a message once however
often it is handed over, so this backend is idempotent and a crash never sends twice.

2xx ``{"id": ...}`` is sent; 409 (that key was taken before) is sent, under the earlier
id; 429, 5xx, 401/403, timeouts and refused connections are tried again later; any other
4xx fails the message with the gateway's ``reason``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from requests.adapters import HTTPAdapter

from jiceng.notices.channels import sms
from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.http_answers import outcome
from jiceng.notices.channels.outcomes import Outcome, Retry


class HttpSmsBackend(Backend):
    def __init__(self) -> None:
        self.conf = sms.SmsSettings()
        super().__init__(idempotent=True, concurrency=self.conf.concurrency)
        self.url = sms.required("JICENG_SMS_HTTP_URL")
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                f"JICENG_SMS_HTTP_URL must be an http(s):// URL, not {self.url!r}"
            )
        self.session = requests.Session()
        # As many pooled connections as sending threads, so none is opened per message.
        pooled = HTTPAdapter(pool_connections=1, pool_maxsize=self.conf.concurrency)
        self.session.mount("http://", pooled)
        self.session.mount("https://", pooled)
        token = settings.JICENG_SMS_HTTP_TOKEN
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.trust_env = False  # no proxy from the environment: a gateway is direct

    def send_one(self, message: Outgoing) -> Outcome:
        body: dict[str, str | dict[str, str]] = {
            "id": message.client_id,
            "phone": sms.e164(message.to),
            "sign": self.conf.sign_name,
            "template": self.conf.template_id(message.template),
            "params": message.params,
        }
        try:
            answer = self.session.post(
                self.url,
                json=body,
                headers={"Idempotency-Key": message.client_id},
                timeout=self.conf.timeout,
            )
        except requests.RequestException as error:
            return Retry(sms.network_reason(error))
        return outcome(answer, message.client_id)
