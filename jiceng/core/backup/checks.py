"""Whether a backup can go into this installation: its manifest, checksum, migrations, keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db.migrations.loader import MigrationLoader

from jiceng.core import crypto
from jiceng.core.backup.files import FORMAT, BackupError, database_kind, manifest_path, sha256


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
    if sha256(dump) != manifest["sha256"]:
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
