"""What a backup is made of: the dump, its manifest and photos' tar beside it, and checksums."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def database_kind() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def manifest_path(dump: Path) -> Path:
    return dump.with_name(dump.name + ".json")


def media_path(dump: Path) -> Path:
    return dump.with_name(dump.name + ".media.tar")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sqlite_path() -> str:
    return str(settings.DATABASES["default"]["NAME"])
