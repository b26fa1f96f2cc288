"""``jiceng restore`` (docs/operations.md, "Backups and restores")."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def add_restore_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", help="the backup file (its FILE.json manifest beside it)")
    command.add_argument(
        "--with-media", action="store_true", help="also restore the photos from FILE.media.tar"
    )
    command.add_argument(
        "--ignore-key-mismatch",
        action="store_true",
        help="restore although the configured keys are not the backup's (experts only)",
    )


def run_restore(
    args: argparse.Namespace, *, verify_history: Callable[[argparse.Namespace], int]
) -> int:
    from jiceng.core.backup.checks import (
        key_problems,
        key_warnings,
        manifest_problems,
        read_manifest,
    )
    from jiceng.core.backup.files import BackupError
    from jiceng.core.backup.restoring import restore

    dump = Path(args.file).resolve()
    try:
        manifest = read_manifest(dump)
        problems = manifest_problems(dump, manifest, with_media=args.with_media)
        keys = key_problems(manifest)
        if problems or (keys and not args.ignore_key_mismatch):
            for problem in problems + keys:
                print(f"refused: {problem}", file=sys.stderr)
            return 2
        for warning in key_warnings(manifest):
            print(f"warning: {warning}", file=sys.stderr)
        restore(dump=dump, manifest=manifest, with_media=args.with_media)
    except BackupError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(f"restored {manifest['file']} of {manifest['taken_at']} ({manifest['cases']} cases)")
    checked = verify_history(argparse.Namespace(anchor=None, files=args.with_media))
    return checked or _unreadable_values()


def _unreadable_values() -> int:
    from jiceng.core.keys import keys_check

    report = keys_check()
    lost = sum(report.unreadable.values())
    if lost:
        print(
            f"key check FAILED: {lost} stored values readable by no configured key",
            file=sys.stderr,
        )
        return 1
    print(f"key check passed: all {report.scanned} stored values decrypt")
    return 0
