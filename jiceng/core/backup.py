"""Backups that hold no keys, and restoring them (docs/operations.md, "Backups and restores").

A backup is one database file (SQLite's online backup, or ``pg_dump -Fc``), an optional
tar of the photos, and a JSON manifest beside them. The manifest names the keys the data
was written with by fingerprints only, so a restore can refuse a backup that the
configured keys would not read, before anything is overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from jiceng.core import clock, crypto

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
    (_dump_sqlite if kind == "sqlite" else _dump_postgresql)(output)
    output.chmod(0o600)
    manifest = {
        "format": FORMAT,
        "taken_at": clock.now().isoformat(),
        "database": kind,
        "file": output.name,
        "sha256": _sha256(output),
        "migrations": _applied_migrations(),
        "cases": apps.get_model("cases", "Case")._default_manager.count(),
        "keys": crypto.fingerprints(),
        "media": _tar_media(media_path(output)) if with_media else None,
    }
    manifest_path(output).write_text(json.dumps(manifest, indent=2) + "\n")
    return {**manifest, "path": str(output)}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _applied_migrations() -> list[str]:
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def _sqlite_path() -> str:
    return str(settings.DATABASES["default"]["NAME"])


def _dump_sqlite(output: Path) -> None:
    # The backup API copies a consistent snapshot, the write-ahead log included; copying
    # the file while the service writes could catch half a transaction.
    if not Path(_sqlite_path()).is_file():
        raise BackupError(f"there is no database at {_sqlite_path()} to back up")
    source = sqlite3.connect(f"file:{_sqlite_path()}?mode=ro", uri=True)
    target = sqlite3.connect(output)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client tools "
            "(apt-get install postgresql-client), of the server's version or newer"
        )
    return found


def _pg_env() -> dict[str, str]:
    """Connection settings for pg_dump and pg_restore, the password never on a command line."""
    database = settings.DATABASES["default"]
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    options = cast("dict[str, Any]", database.get("OPTIONS") or {})
    sslmode = options.get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return env


def _run_pg(command: list[str]) -> None:
    done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-2000:]}")


def _dump_postgresql(output: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    _run_pg([_pg_tool("pg_dump"), "--format=custom", f"--file={output}", f"--dbname={name}"])


def _tar_media(path: Path) -> str:
    root = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "w") as tar:
        if root.is_dir():  # no photo uploaded yet: an empty tar
            tar.add(root, arcname="media")
    path.chmod(0o600)
    return path.name


def read_manifest(dump: Path) -> dict[str, Any]:
    if not dump.is_file():
        raise BackupError(f"no backup at {dump}")
    try:
        manifest: dict[str, Any] = json.loads(manifest_path(dump).read_text())
    except (OSError, ValueError):
        raise BackupError(f"no readable manifest at {manifest_path(dump)}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{manifest_path(dump)} is not a manifest this version can read")
    return manifest


def manifest_problems(dump: Path, manifest: dict[str, Any], *, with_media: bool) -> list[str]:
    """Why this backup cannot go into this installation, apart from its keys."""
    problems = []
    if with_media and not manifest.get("media"):
        problems.append("the backup was taken without --with-media: it holds no photos")
    if manifest["database"] != database_kind():
        problems.append(
            f"the backup is of a {manifest['database']} database; "
            f"DATABASE_URL points at {database_kind()}"
        )
    if _sha256(dump) != manifest["sha256"]:
        problems.append(f"{dump} is not the file the manifest describes (checksum differs)")
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        problems.append(
            "the backup was taken by a newer version of Jiceng (migrations "
            f"{', '.join(unknown[:3])}); restore it with that version"
        )
    return problems


def key_problems(manifest: dict[str, Any]) -> list[str]:
    """Which configured keys would not read the backup's data (compared by fingerprint)."""
    theirs, ours = manifest["keys"], crypto.fingerprints()
    problems = []
    if theirs["data_key"] not in {ours["data_key"], *ours["old_data_keys"]}:
        problems.append(
            f"the backup's data was written with another data key (fingerprint "
            f"{theirs['data_key']}): set that key as JICENG_DATA_KEY or add it to "
            "JICENG_DATA_KEYS_OLD"
        )
    for name in ("index_key", "history_key"):
        if theirs[name] != ours[name]:
            variable = f"JICENG_{name.upper()}"
            problems.append(
                f"{variable} differs from the one the backup was taken with "
                f"(fingerprint {theirs[name]}); pin the earlier value "
                "(jiceng keys rotate prints it under the earlier data key)"
            )
    return problems


def key_warnings(manifest: dict[str, Any]) -> list[str]:
    """Old data keys the backup's ring held that are not configured: values written under
    them, if any were left, will not decrypt (the key check after the restore says)."""
    ours = crypto.fingerprints()
    configured = {ours["data_key"], *ours["old_data_keys"]}
    missing = [key for key in manifest["keys"]["old_data_keys"] if key not in configured]
    return [
        f"the backup was taken while an old data key (fingerprint {key}) was still in "
        "JICENG_DATA_KEYS_OLD; if the restore's key check fails, add that key"
        for key in missing
    ]


def restore(*, dump: Path, manifest: dict[str, Any], with_media: bool = False) -> None:
    """Replaces the database (and the photos) with the backup's, then applies migrations
    that are newer than the backup. Check the manifest first: this overwrites."""
    connections.close_all()
    if manifest["database"] == "sqlite":
        _load_sqlite(dump)
    else:
        _load_postgresql(dump)
    if with_media:
        _untar_media(dump, manifest)
    call_command("migrate", interactive=False, verbosity=0)


def _load_sqlite(dump: Path) -> None:
    # Through the backup API again: it writes into the live file with SQLite's own
    # locking and log, so a stale -wal file beside it cannot be replayed over the copy.
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    target = sqlite3.connect(_sqlite_path())
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _load_postgresql(dump: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    _run_pg(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={name}",
            str(dump),
        ]
    )


def _untar_media(dump: Path, manifest: dict[str, Any]) -> None:
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dump.with_name(manifest["media"])) as tar:
        for member in tar.getmembers():
            member.name = member.name.removeprefix("media").lstrip("/") or "."
        # The "data" filter refuses absolute paths, links out of the tree and devices.
        tar.extractall(root, filter="data")
