"""Email to staff, through Django's SMTP backend."""

from __future__ import annotations

from jiceng.core import env

JICENG_EMAIL_DJANGO_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.string("JICENG_EMAIL_HOST", "localhost", help="the SMTP server")
EMAIL_PORT = env.integer("JICENG_EMAIL_PORT", 25, minimum=1, help="the SMTP server's port")
EMAIL_HOST_USER = env.raw("JICENG_EMAIL_USER", help="the SMTP login") or ""
EMAIL_HOST_PASSWORD = env.raw("JICENG_EMAIL_PASSWORD", help="the SMTP password") or ""
EMAIL_USE_TLS = env.boolean("JICENG_EMAIL_STARTTLS", False, help="SMTP with STARTTLS")
EMAIL_USE_SSL = env.boolean("JICENG_EMAIL_SSL", False, help="SMTP over TLS from the start")
EMAIL_TIMEOUT = env.integer(
    "JICENG_EMAIL_TIMEOUT", 20, minimum=1, help="seconds before an SMTP connection gives up"
)
DEFAULT_FROM_EMAIL = env.string(
    "JICENG_EMAIL_FROM", "jiceng@localhost", help="the sender of staff email"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
