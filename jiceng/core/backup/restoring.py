"""Restoring a backup over the database (and the photos), then migrating it forward."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections

from jiceng.core.backup.postgresql import load_postgresql
from jiceng.core.backup.sqlite import load_sqlite


def restore(*, dump: Path, manifest: dict[str, Any], with_media: bool = False) -> None:
    """Replaces the database (and the photos) with the backup's, then applies migrations
    that are newer than the backup. Check the manifest first: this overwrites."""
    connections.close_all()
    if manifest["database"] == "sqlite":
        load_sqlite(dump)
    else:
        load_postgresql(dump)
    if with_media:
        _untar_media(dump, manifest)
    call_command("migrate", interactive=False, verbosity=0)


def _untar_media(dump: Path, manifest: dict[str, Any]) -> None:
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dump.with_name(manifest["media"])) as tar:
        for member in tar.getmembers():
            member.name = member.name.removeprefix("media").lstrip("/") or "."
        # The "data" filter refuses absolute paths, links out of the tree and devices.
        tar.extractall(root, filter="data")
