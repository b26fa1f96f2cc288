"""PostgreSQL: ``pg_dump -Fc`` out and ``pg_restore`` in, the password never on a command line.

A restore replaces the ``public`` schema in one transaction: ``psql`` drops and re-creates it,
then runs the script ``pg_restore`` streams out of the dump. ``pg_restore --clean`` cannot be
used: it drops constraints table by table, and a partition's primary key (the case history is
partitioned by month) can only go with its parent. If anything fails, nothing has changed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.conf import settings

from jiceng.core.backup.files import BackupError
from jiceng.core.backup.pg_tools import pg_env, pg_tool, run_pg

REPLACE_SCHEMA = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"


def dump_postgresql(output: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    run_pg([pg_tool("pg_dump"), "--format=custom", f"--file={output}", f"--dbname={name}"])


def load_postgresql(dump: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    script = [pg_tool("pg_restore"), "--no-owner", "--file=-", str(dump)]
    apply = [
        pg_tool("psql"),
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--dbname={name}",
        f"--command={REPLACE_SCHEMA}",
        "--file=-",
    ]
    env = pg_env()
    with subprocess.Popen(script, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as out:
        applied = subprocess.run(
            apply, env=env, stdin=out.stdout, capture_output=True, text=True, check=False
        )
        assert out.stdout is not None and out.stderr is not None
        out.stdout.close()
        read_error = out.stderr.read().decode(errors="replace")
    if out.returncode != 0:
        raise BackupError(f"pg_restore failed: {read_error.strip()[-2000:]}")
    if applied.returncode != 0:
        raise BackupError(f"psql failed: {applied.stderr.strip()[-2000:]}")
