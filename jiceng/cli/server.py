"""``jiceng demo`` and ``jiceng serve``: gunicorn with our defaults, the demo's data first."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from jiceng.cli.boot import migrate, setup
from jiceng.cli.commands import Add


def cmd_demo(args: argparse.Namespace) -> int:
    setup("development")
    from jiceng.demo.loader import load_demo

    migrate()
    print(load_demo(scale=args.scale, seed=args.seed, reset=args.reset))
    if args.no_serve:
        return 0
    # One command runs the whole demo: the worker (sweep, reminders, hot issues) runs beside
    # the server and stops with it.
    worker = subprocess.Popen([sys.executable, "-m", "jiceng.cli", "worker"])
    try:
        return _serve(args.host, args.port, access_log="-")
    finally:
        worker.terminate()
        worker.wait(timeout=15)


def _serve(
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


def cmd_serve(args: argparse.Namespace) -> int:
    setup()
    if args.migrate:
        migrate()
    return _serve(args.host, args.port, args.workers, args.threads, args.access_log)


def add_demo(add: Add) -> None:
    demo = add("demo", cmd_demo, "Migrate, load the demo county 诸暨市 and serve it")
    demo.add_argument("--scale", choices=["small", "full"], default="small")
    demo.add_argument("--seed", type=int, default=330681)
    demo.add_argument("--no-serve", action="store_true", help="load the data and exit")
    demo.add_argument("--reset", action="store_true", help="delete the existing demo cases first")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)


def add_serve(add: Add) -> None:
    serve = add("serve", cmd_serve, "Serve Jiceng with gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=None, help="processes (cores + 1)")
    serve.add_argument("--threads", type=int, default=None, help="threads per process (2)")
    serve.add_argument(
        "--access-log", default=None, metavar="FILE", help='log each request to FILE ("-": stdout)'
    )
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")
