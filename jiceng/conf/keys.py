"""The signing and data keys: required in production, generated in development, fixed in tests."""

from __future__ import annotations

import secrets

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_ENV, JICENG_HOME
from jiceng.core import env

KEYS_FILE = JICENG_HOME / "keys.env"


def _read_keys_file() -> dict[str, str]:
    if not KEYS_FILE.is_file():
        return {}
    pairs = (line.split("=", 1) for line in KEYS_FILE.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def _development_keys() -> dict[str, str]:
    keys = _read_keys_file()
    if {"JICENG_SECRET_KEY", "JICENG_DATA_KEY"} <= keys.keys():
        return keys
    from cryptography.fernet import Fernet

    keys = {
        "JICENG_SECRET_KEY": secrets.token_urlsafe(50),
        "JICENG_DATA_KEY": Fernet.generate_key().decode(),
    }
    JICENG_HOME.mkdir(parents=True, exist_ok=True)
    KEYS_FILE.write_text("".join(f"{k}={v}\n" for k, v in keys.items()))
    KEYS_FILE.chmod(0o600)
    return keys


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
        return _development_keys()[name]
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
