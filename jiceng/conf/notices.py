"""Notifications (docs/notifications.md): which channel backends send SMS and email."""

from __future__ import annotations

from jiceng.conf.environment import JICENG_ENV, JICENG_HOME
from jiceng.core import env

_PRODUCTION = JICENG_ENV == "production"
env.section("Notifications", doc="notifications.md")
# SMS to residents (and staff who ask for it), email to staff, the workbench inbox. "file"
# writes each message under JICENG_OUTBOX_DIR instead of sending it (the demo); "off" sends
# nothing and marks each message not sent.
_SMS_BACKENDS = {
    "file": "jiceng.notices.channels.files.SmsFileBackend",
    "aliyun": "jiceng.notices.channels.aliyun.AliyunSmsBackend",
    "tencent": "jiceng.notices.channels.tencent.TencentSmsBackend",
    "http": "jiceng.notices.channels.http.HttpSmsBackend",
    "off": "jiceng.notices.channels.Disabled",
}
_EMAIL_BACKENDS = {
    "file": "jiceng.notices.channels.files.EmailFileBackend",
    "smtp": "jiceng.notices.channels.email.SmtpBackend",
    "off": "jiceng.notices.channels.Disabled",
}
JICENG_SMS_BACKEND = env.choice(
    "JICENG_SMS_BACKEND",
    "off" if _PRODUCTION else "file",
    tuple(_SMS_BACKENDS),
    help="how SMS are sent: a gateway (http: a provincial one), file: written under "
    "JICENG_OUTBOX_DIR, off: not sent",
)
JICENG_EMAIL_BACKEND = env.choice(
    "JICENG_EMAIL_BACKEND",
    "off" if _PRODUCTION else "file",
    tuple(_EMAIL_BACKENDS),
    help="how email is sent: smtp, file (written under JICENG_OUTBOX_DIR) or off",
)
JICENG_NOTICE_BACKENDS = {
    "sms": _SMS_BACKENDS[JICENG_SMS_BACKEND],
    "email": _EMAIL_BACKENDS[JICENG_EMAIL_BACKEND],
}
JICENG_OUTBOX_DIR = env.directory(
    "JICENG_OUTBOX_DIR", JICENG_HOME / "outbox", help="where the file backends write messages"
)
