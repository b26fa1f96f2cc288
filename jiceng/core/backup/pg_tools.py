"""Finding and running PostgreSQL's tools, with the password in their environment only."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, cast

from django.conf import settings

from jiceng.core.backup.files import BackupError


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client tools "
            "(apt-get install postgresql-client), of the server's version or newer"
        )
    return found


def pg_env() -> dict[str, str]:
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


def run_pg(command: list[str]) -> None:
    done = subprocess.run(command, env=pg_env(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-2000:]}")
