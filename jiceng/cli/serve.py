"""``jiceng serve``: serve Jiceng with gunicorn, migrating first if asked."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import migrate, setup
from jiceng.cli.commands import Add
from jiceng.cli.server import serve


def cmd_serve(args: argparse.Namespace) -> int:
    setup()
    if args.migrate:
        migrate()
    return serve(args.host, args.port, args.workers, args.threads, args.access_log)


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
