"""The signing and data keys: required in production, generated in development, fixed in tests."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.development_keys import development_keys
from jiceng.conf.environment import JICENG_ENV
from jiceng.core import env


def _key(name: str, *, help: str) -> str:
    value = env.raw(name, help=help, doc_default="required in production")
    if value:
        return value
    if JICENG_ENV == "test":
        # Fixed, public, throwaway keys: tests must be repeatable and never touch real data.
        return {
            "JICENG_SECRET_KEY": "test-secret-key-not-for-production-0123456789abcdef",
            "JICENG_DATA_KEY": "dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
        }[name]
    if JICENG_ENV == "development":
        return development_keys()[name]
    raise ImproperlyConfigured(
        f"{name} is required in production. Set it (or {name}_FILE), "
        "or set JICENG_ENV=development to use generated local keys."
    )


SECRET_KEY = _key(
    "JICENG_SECRET_KEY", help="Django's signing key (sessions, links); 50 random characters"
)
JICENG_DATA_KEY = _key(
    "JICENG_DATA_KEY",
    help="Fernet key encrypting residents' names, phones and ID numbers; losing it loses "
    "them (rotation: operations.md)",
)
