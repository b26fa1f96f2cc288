"""Local keys for development: generated once, kept in ``$JICENG_HOME/keys.env``."""

from __future__ import annotations

import secrets

from jiceng.conf.environment import JICENG_HOME

KEYS_FILE = JICENG_HOME / "keys.env"


def _read_keys_file() -> dict[str, str]:
    if not KEYS_FILE.is_file():
        return {}
    pairs = (line.split("=", 1) for line in KEYS_FILE.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def development_keys() -> dict[str, str]:
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
