"""The hosts the site answers to, the origins trusted to post forms, and the debug pages."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_ENV
from jiceng.core import env

DEBUG = env.boolean(
    "JICENG_DEBUG", JICENG_ENV == "development", help="Django's debug pages; never in production"
)
ALLOWED_HOSTS = env.csv_list(
    "JICENG_ALLOWED_HOSTS",
    "" if JICENG_ENV == "production" else "127.0.0.1,localhost,testserver",
    help="host names the site answers to; required in production, where * is refused",
)
if JICENG_ENV == "production" and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("JICENG_ALLOWED_HOSTS is required in production (comma-separated).")
CSRF_TRUSTED_ORIGINS = env.csv_list(
    "JICENG_CSRF_TRUSTED_ORIGINS", "", help="further origins trusted to post forms"
)
