"""Tencent Cloud SMS (腾讯云短信) through its official SDK, API version 2021-01-11.

One SendSms call per message: PhoneNumberSet ["+86…"], SmsSdkAppId, SignName, TemplateId,
TemplateParamSet (the worded parameters in the template's declared order) and
SessionContext, our idempotency key, which comes back in the answer. Tencent does **not**
drop a second SendSms with the same SessionContext, so this backend is not idempotent: a
worker that dies after Tencent took a message and before the outbox marked it sends it
again when its lease ends (at most once more; docs/sms-gateways.md).

Status "Ok" is sent (SerialNo is the ``sid`` receipts carry); LimitExceeded.*, Tencent's
own faults, 5xx, timeouts and refused connections are tried again; a bad number or an
unapproved template or signature fails the message with the code.
"""

from __future__ import annotations

import threading

from tencentcloud.common.credential import Credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111.models import SendSmsRequest
from tencentcloud.sms.v20210111.sms_client import SmsClient

from jiceng.notices.channels import sms
from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.outcomes import Outcome, Retry, Sent

RETRY = (
    "LimitExceeded",  # per-number and per-app limits
    "RequestLimitExceeded",
    "InternalError",
    "ResourceUnavailable",
    "FailedOperation.InsufficientBalanceInSmsPackage",  # out of credit: an operator tops up
    "AuthFailure",  # credentials, which an operator can fix
    "UnauthorizedOperation",
)


class TencentSmsBackend(Backend):
    def __init__(self) -> None:
        self.conf = sms.SmsSettings()
        super().__init__(idempotent=False, concurrency=self.conf.concurrency)
        self.credential = Credential(
            sms.required("JICENG_SMS_ACCESS_KEY_ID"), sms.required("JICENG_SMS_ACCESS_KEY_SECRET")
        )
        self.app_id = sms.required("JICENG_SMS_APP_ID")
        self.region = sms.setting("JICENG_SMS_REGION", "ap-guangzhou")
        self.where = sms.endpoint("sms.tencentcloudapi.com")
        # One client (and so one pooled HTTP session) per sending thread.
        self.local = threading.local()

    def _client(self) -> SmsClient:
        client: SmsClient | None = getattr(self.local, "client", None)
        if client is None:
            http = HttpProfile(
                protocol=self.where.scheme,
                endpoint=self.where.host,
                reqTimeout=self.conf.timeout,
                keepAlive=True,
            )
            client = SmsClient(self.credential, self.region, ClientProfile(httpProfile=http))
            self.local.client = client
        return client

    def send_one(self, message: Outgoing) -> Outcome:
        request = SendSmsRequest()
        request.PhoneNumberSet = [sms.e164(message.to)]
        request.SmsSdkAppId = self.app_id
        request.SignName = self.conf.sign_name
        request.TemplateId = self.conf.template_id(message.template)
        request.TemplateParamSet = list(message.params.values())  # the template's order
        request.SessionContext = message.client_id
        try:
            answer = self._client().SendSms(request)
        except TencentCloudSDKException as error:
            return _refused_call(error)
        except Exception as error:
            return Retry(sms.network_reason(error))
        statuses = answer.SendStatusSet or []
        if not statuses:
            return Retry("unreadable answer")
        status = statuses[0]
        if status.Code == "Ok":
            return Sent(provider_id=status.SerialNo or "")
        return sms.by_code(status.Code or "", retry=RETRY)


def _refused_call(error: TencentCloudSDKException) -> Outcome:
    """The whole call failed: the network, an HTTP error, or an error answer."""
    code = str(error.code or "")
    if code == "ClientNetworkError":
        return Retry(sms.network_reason(error))
    if code == "ServerNetworkError":  # any status but 200; the SDK keeps only the body
        return Retry("gateway error")
    if code.startswith("Client") or code in ("JSONDecodeError", "KeyError"):
        return Retry("unreadable answer")
    return sms.by_code(code, retry=RETRY)
