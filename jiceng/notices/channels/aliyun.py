"""Aliyun SMS (阿里云短信服务, dysmsapi) through its official SDK.

One SendSms call per message: PhoneNumbers, SignName, TemplateCode, TemplateParam (the
worded parameters as a JSON object) and OutId, our idempotency key, which comes back in
delivery receipts. Aliyun does **not** drop a second SendSms with the same OutId, so this
backend is not idempotent: if the worker dies after Aliyun took a message and before the
outbox marked it, the message is sent again when its lease ends, and the phone may get it
twice (at most once more; docs/sms-gateways.md).

Code "OK" is sent (BizId is the id receipts carry); limits, Aliyun's own faults (isp.*),
5xx, timeouts and refused connections are tried again later; a bad number, template or
signature (other isv.* codes) fails the message with the code.
"""

from __future__ import annotations

from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_dysmsapi20170525.models import SendSmsRequest
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils_models import Config
from darabonba.runtime import RuntimeOptions

from jiceng.notices.channels import sms
from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.outcomes import Outcome, Retry, Sent

RETRY = (
    "isp.",  # Aliyun's side (isp.SYSTEM_ERROR)
    "Throttling",  # API rate limits
    "ServiceUnavailable",
    "InternalError",
    "isv.BUSINESS_LIMIT_CONTROL",  # per-number minute/hour/day limits
    "isv.DAY_LIMIT_CONTROL",
    "isv.AMOUNT_NOT_ENOUGH",  # the account ran out of credit
    "isv.OUT_OF_SERVICE",
    "isv.ACCOUNT_",  # credentials and account state, which an operator can fix
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "Forbidden",
)


class AliyunSmsBackend(Backend):
    def __init__(self) -> None:
        self.conf = sms.SmsSettings()
        super().__init__(idempotent=False, concurrency=self.conf.concurrency)
        where = sms.endpoint("dysmsapi.aliyuncs.com")
        timeout_ms = int(self.conf.timeout * 1000)
        self.client = Client(
            Config(
                access_key_id=sms.required("JICENG_SMS_ACCESS_KEY_ID"),
                access_key_secret=sms.required("JICENG_SMS_ACCESS_KEY_SECRET"),
                region_id=sms.setting("JICENG_SMS_REGION", "cn-hangzhou"),
                endpoint=where.host,
                protocol=where.scheme.upper(),
                connect_timeout=timeout_ms,
                read_timeout=timeout_ms,
                max_idle_conns=self.conf.concurrency,
            )
        )

    def send_one(self, message: Outgoing) -> Outcome:
        request = SendSmsRequest(
            phone_numbers=sms.national(message.to),
            sign_name=self.conf.sign_name,
            template_code=self.conf.template_id(message.template),
            template_param=sms.worded(message.params),
            out_id=message.client_id,
        )
        try:
            answer = self.client.send_sms_with_options(request, RuntimeOptions()).body
        except AlibabaCloudException as error:
            status = getattr(error, "status_code", None) or 0
            if status >= 500:
                return sms.server_error(status)
            return sms.by_code(str(error.code or f"HTTP {status}"), retry=RETRY)
        except Exception as error:  # the SDK wraps refused connections and timeouts
            return Retry(sms.network_reason(error))
        if answer is None:
            return Retry("unreadable answer")
        if answer.code == "OK":
            return Sent(provider_id=answer.biz_id or "")
        return sms.by_code(answer.code or "", retry=RETRY)
