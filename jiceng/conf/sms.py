"""The SMS gateway: its signature, credentials, region, templates and limits.

The signature (短信签名) is carried by every message; a provincial gateway has a URL and
a token. JICENG_SMS_TEMPLATES names a JSON file mapping our template codes to the gateway's
(e.g. {"case_received": "SMS_465830012"}).
"""

from __future__ import annotations

from jiceng.core import env

JICENG_SMS_SIGN_NAME = env.string(
    "JICENG_SMS_SIGN_NAME", "基层治理", help="the SMS signature (短信签名) the gateway approved"
)
JICENG_SMS_ACCESS_KEY_ID = (
    env.raw("JICENG_SMS_ACCESS_KEY_ID", help="Aliyun AccessKey ID or Tencent SecretId") or ""
)
JICENG_SMS_ACCESS_KEY_SECRET = (
    env.raw("JICENG_SMS_ACCESS_KEY_SECRET", help="Aliyun AccessKey secret or Tencent SecretKey")
    or ""
)
JICENG_SMS_APP_ID = env.raw("JICENG_SMS_APP_ID", help="Tencent Cloud SmsSdkAppId") or ""
JICENG_SMS_REGION = env.raw("JICENG_SMS_REGION", help="the gateway's region") or ""
JICENG_SMS_ENDPOINT = (
    env.raw("JICENG_SMS_ENDPOINT", help="an endpoint to use instead of the provider's") or ""
)
JICENG_SMS_HTTP_URL = env.raw("JICENG_SMS_HTTP_URL", help="the provincial gateway's URL") or ""
JICENG_SMS_HTTP_TOKEN = (
    env.raw("JICENG_SMS_HTTP_TOKEN", help="the provincial gateway's bearer token") or ""
)
JICENG_SMS_TEMPLATES = (
    env.raw(
        "JICENG_SMS_TEMPLATES",
        help="a JSON file mapping our template codes to the gateway's template ids",
    )
    or ""
)
JICENG_SMS_TIMEOUT = env.integer(
    "JICENG_SMS_TIMEOUT", 10, minimum=1, help="seconds before a request to the gateway gives up"
)
JICENG_SMS_CONCURRENCY = env.integer(
    "JICENG_SMS_CONCURRENCY", 16, minimum=1, help="requests to the gateway in flight at once"
)
# Delivery receipts posted back by the gateway carry this shared secret (docs/notifications.md).
JICENG_SMS_RECEIPT_TOKEN = (
    env.raw(
        "JICENG_SMS_RECEIPT_TOKEN",
        help="shared secret of the delivery receipts and replies the gateway posts back",
    )
    or ""
)
