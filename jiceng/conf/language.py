"""The language of pages, the time zone, static files, and the cookies."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from jiceng.conf.environment import BASE_DIR, JICENG_ENV, JICENG_HOME
from jiceng.core import env

env.section("Language, time and cookies")
LANGUAGE_CODE = env.choice(
    "JICENG_LANGUAGE", "zh-hans", ("zh-hans", "en"), help="the language of pages and messages"
)
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.time_zone(
    "JICENG_TIME_ZONE", "Asia/Shanghai", help="the zone of deadlines, reports and monthly figures"
)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = JICENG_HOME / "static"
WHITENOISE_USE_FINDERS = JICENG_ENV != "production"
# STORAGES and MEDIA_ROOT: jiceng.conf.files (photos on disk or in an S3 bucket).

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if JICENG_ENV == "production":
    SESSION_COOKIE_SECURE = env.boolean(
        "JICENG_SECURE_COOKIES", True, help="production only: cookies are sent over HTTPS only"
    )
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
