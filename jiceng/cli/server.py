"""Serving with gunicorn: our defaults of processes and threads, static files collected first."""

from __future__ import annotations

import os


def serve(
    host: str,
    port: int,
    workers: int | None = None,
    threads: int | None = None,
    access_log: str | None = None,
) -> int:
    from django.core.management import call_command

    from jiceng.server import run

    call_command("collectstatic", interactive=False, verbosity=0)
    # One process per core and a spare, two threads each, on either database: SQLite's
    # writers queue on a lock file across processes (jiceng.core.db.sqlite3), and threads
    # of one process share its interpreter lock, so processes are what use the cores.
    # Measured on 2 cores (bench/api/README.md): 3 × 1 and 3 × 2 serve the most; 5 × 4
    # and 1 × 8 about half as much, with long tails.
    count = workers or (os.cpu_count() or 1) + 1
    print(f"Jiceng is serving at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    run(host=host, port=port, workers=count, threads=threads or 2, access_log=access_log)
    return 0
