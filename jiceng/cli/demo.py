"""``jiceng demo``: migrate, load the demo county and serve it with the worker beside it."""

from __future__ import annotations

import argparse
import subprocess
import sys

from jiceng.cli.boot import migrate, setup
from jiceng.cli.commands import Add
from jiceng.cli.server import serve


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
        return serve(args.host, args.port, access_log="-")
    finally:
        worker.terminate()
        worker.wait(timeout=15)


def add_demo(add: Add) -> None:
    demo = add("demo", cmd_demo, "Migrate, load the demo county 诸暨市 and serve it")
    demo.add_argument("--scale", choices=["small", "full"], default="small")
    demo.add_argument("--seed", type=int, default=330681)
    demo.add_argument("--no-serve", action="store_true", help="load the data and exit")
    demo.add_argument("--reset", action="store_true", help="delete the existing demo cases first")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
