"""``jiceng backup`` (docs/operations.md, "Backups and restores"); ``restore`` is beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_backup_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--output",
        metavar="FILE",
        help="default: $JICENG_HOME/backups/jiceng-YYYYmmdd-HHMMSS.{sqlite3,dump}",
    )
    command.add_argument(
        "--with-media", action="store_true", help="also write the photos to FILE.media.tar"
    )


def run_backup(args: argparse.Namespace) -> int:
    from jiceng.core.backup.files import BackupError, manifest_path
    from jiceng.core.backup.taking import backup

    output = Path(args.output).resolve() if args.output else None
    try:
        manifest = backup(output=output, with_media=args.with_media)
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return 1
    photos = " and the photos" if manifest["media"] else ""
    print(f"backed up {manifest['cases']} cases ({manifest['database']}){photos}")
    print(f"written: {manifest['path']} and its manifest {manifest_path(Path(manifest['path']))}")
    print("the keys are not in the backup: keep them in their own store (docs/operations.md)")
    return 0
