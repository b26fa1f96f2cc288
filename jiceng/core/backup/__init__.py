"""Backups that hold no keys, and restoring them (docs/operations.md, "Backups and restores").

A backup is one database file (SQLite's online backup, or ``pg_dump -Fc``), an optional
tar of the photos, and a JSON manifest beside them. The manifest names the keys the data
was written with by fingerprints only, so a restore can refuse a backup that the
configured keys would not read, before anything is overwritten.
"""

from jiceng.core.backup.checks import key_problems as key_problems
from jiceng.core.backup.checks import key_warnings as key_warnings
from jiceng.core.backup.checks import manifest_problems as manifest_problems
from jiceng.core.backup.checks import read_manifest as read_manifest
from jiceng.core.backup.files import BackupError as BackupError
from jiceng.core.backup.files import manifest_path as manifest_path
from jiceng.core.backup.restoring import restore as restore
from jiceng.core.backup.taking import backup as backup
