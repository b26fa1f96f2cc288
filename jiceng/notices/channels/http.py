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

from jiceng.notices.channels import Backend, Outcome, Outgoing, Refused, Retry, Sent, sms

# Answers that say "not now" rather than "never": throttled, a timeout at a proxy, or
# credentials an operator can fix while the messages wait.
RETRY_STATUSES = frozenset({401, 403, 408, 425, 429})


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
        return _outcome(answer, message.client_id)


def _outcome(answer: requests.Response, client_id: str) -> Outcome:
    status = answer.status_code
    if 200 <= status < 300 or status == 409:
        # 409: the gateway took this key before (a resend after a crash): sent, once.
        return Sent(provider_id=str(_field(answer, "id") or client_id))
    if status >= 500:
        return sms.server_error(status)
    if status in RETRY_STATUSES:
        return Retry(f"gateway said {status}")
    if 400 <= status < 500:
        reason = _field(answer, "reason") or _field(answer, "error")
        return Refused(sms.scrub(str(reason)) if reason else f"gateway refused ({status})")
    return Retry(f"unexpected answer {status}")


def _field(answer: requests.Response, name: str) -> object:
    try:
        data = answer.json()
    except ValueError:
        return None
    return data.get(name) if isinstance(data, dict) else None
