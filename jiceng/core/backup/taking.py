"""Taking a backup: the dump, the photos' tar if asked, and the manifest naming its keys."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from jiceng.core import clock, crypto
from jiceng.core.backup.files import (
    FORMAT,
    BackupError,
    database_kind,
    manifest_path,
    media_path,
    sha256,
)
from jiceng.core.backup.postgresql import dump_postgresql
from jiceng.core.backup.sqlite import dump_sqlite


def default_output(kind: str) -> Path:
    stamp = timezone.localtime(clock.now()).strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if kind == "sqlite" else "dump"
    return Path(settings.JICENG_HOME) / "backups" / f"jiceng-{stamp}.{suffix}"


def backup(*, output: Path | None = None, with_media: bool = False) -> dict[str, Any]:
    """Writes the dump, the photos' tar if asked, and the manifest; returns the manifest."""
    kind = database_kind()
    output = output or default_output(kind)
    for path in (output, manifest_path(output), media_path(output)):
        if path.exists():
            raise BackupError(f"{path} already exists; choose another --output")
    output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    (dump_sqlite if kind == "sqlite" else dump_postgresql)(output)
    output.chmod(0o600)
    manifest = {
        "format": FORMAT,
        "taken_at": clock.now().isoformat(),
        "database": kind,
        "file": output.name,
        "sha256": sha256(output),
        "migrations": _applied_migrations(),
        "cases": apps.get_model("cases", "Case")._default_manager.count(),
        "keys": crypto.fingerprints(),
        "media": _tar_media(media_path(output)) if with_media else None,
    }
    manifest_path(output).write_text(json.dumps(manifest, indent=2) + "\n")
    return {**manifest, "path": str(output)}


def _applied_migrations() -> list[str]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def _tar_media(path: Path) -> str:
    root = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "w") as tar:
        if root.is_dir():  # no photo uploaded yet: an empty tar
            tar.add(root, arcname="media")
    path.chmod(0o600)
    return path.name
