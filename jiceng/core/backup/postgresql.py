"""PostgreSQL: ``pg_dump -Fc`` out and ``pg_restore`` in, the password never on a command line."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from jiceng.core.backup.pg_tools import pg_tool, run_pg


def dump_postgresql(output: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    run_pg([pg_tool("pg_dump"), "--format=custom", f"--file={output}", f"--dbname={name}"])


def load_postgresql(dump: Path) -> None:
    name = str(settings.DATABASES["default"]["NAME"])
    run_pg(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={name}",
            str(dump),
        ]
    )
