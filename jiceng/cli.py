"""The ``jiceng`` command: the contract other tools and operators call.

jiceng demo [--scale small|full] [--no-serve] [--seed N]
jiceng serve [--host H] [--port P] [--workers N] [--threads N] [--access-log FILE]
jiceng worker
jiceng notices drain [--loop] | digest | templates
jiceng import-divisions FILE [--scope CODE]
jiceng setup-units CODE
jiceng onboard-county CODE --workbook FILE.xlsx | --template FILE.xlsx
jiceng sweep
jiceng verify-history [--anchor FILE] [--files]
jiceng anchor [--output FILE]
jiceng apikey create --name N --role R --jurisdiction CODE | revoke --name N
jiceng policies match [--policy CODE] [--division CODE] [--format json|text]
jiceng calendar import FILE | show [--year Y]
jiceng manage ...            (Django's management commands)
jiceng textmining ...        (see jiceng textmining --help)
jiceng hot-issues [--month YYYY-MM] [--county CODE]
jiceng textmining retrain [--output PATH]   (category model from confirmed categories)
jiceng backup [--output FILE] [--with-media]
jiceng restore FILE [--with-media] [--ignore-key-mismatch]
jiceng keys rotate | reencrypt | check
jiceng config docs [--check] [--output FILE]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path


def _setup(default_env: str | None = None) -> None:
    if default_env:
        os.environ.setdefault("JICENG_ENV", default_env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def cmd_demo(args: argparse.Namespace) -> int:
    _setup("development")
    from jiceng.demo.loader import load_demo

    _migrate()
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
    _setup()
    if args.migrate:
        _migrate()
    return _serve(args.host, args.port, args.workers, args.threads, args.access_log)


def cmd_worker(args: argparse.Namespace) -> int:
    _setup()
    from django.conf import settings

    from jiceng.api.tasks import prune_idempotency_task
    from jiceng.cases.tasks import anchor_task, sweep_task
    from jiceng.core import schedule
    from jiceng.core.tasks import prune_task_results_task
    from jiceng.insights.tasks import enqueue_recent_hot_issues
    from jiceng.notices import digests, outbox
    from jiceng.notices.tasks import prune_messages_task
    from jiceng.people.tasks import prune_access_log_task
    from jiceng.policies.automatic import enqueue_nightly_matching

    if settings.JICENG_TASKS_BACKEND not in {"database", "rq"}:
        print("jiceng worker needs JICENG_TASKS_BACKEND=database or rq", file=sys.stderr)
        return 2
    stop = threading.Event()
    # Enqueueing from every worker is harmless: a sweep skips what another sweep did,
    # regrouping a month replaces its hot issues rather than adding to them, and a day
    # has one anchor file.
    schedule.start(
        (
            ("sweep-scheduler", args.sweep_minutes, sweep_task.enqueue),
            ("hot-issues-scheduler", args.hot_issues_minutes, enqueue_recent_hot_issues),
            ("prune-scheduler", 60.0, prune_task_results_task.enqueue),
            ("prune-idempotency-scheduler", 60.0, prune_idempotency_task.enqueue),
            ("prune-access-log-scheduler", 60.0, prune_access_log_task.enqueue),
            # Hourly, so a day whose anchor failed (disk full, database away) still gets one.
            ("anchor-scheduler", args.anchor_minutes, anchor_task.enqueue),
            # The outbox relay runs here rather than as queued tasks: messages are due within
            # seconds. Several workers drain side by side (notices.outbox claims with leases).
            ("outbox", settings.JICENG_OUTBOX_POLL_SECONDS / 60, outbox.drain_all),
            ("digests", settings.JICENG_DIGEST_MINUTES, digests.run_digests),
            ("prune-messages-scheduler", 60.0, prune_messages_task.enqueue),
            # Hourly tick; the full policy matching is enqueued once a night (02:00-06:00).
            ("policy-matching-scheduler", 60.0, enqueue_nightly_matching),
        ),
        stop,
    )
    try:
        _run_task_worker(settings.JICENG_TASKS_BACKEND, settings.JICENG_TASK_QUEUES)
    finally:
        stop.set()
    return 0


def _run_task_worker(backend: str, queues: list[str]) -> None:
    from django.core.management import call_command

    if backend == "rq":
        # django-tasks-rq's jobs only run with its Job class; the scheduler moves deferred
        # tasks (run_after) onto the queue when they are due.
        job_class = "django_tasks_rq.backend.Job"
        call_command("rqworker", *queues, job_class=job_class, with_scheduler=True)
    else:
        call_command("db_worker", interval=1.0, queue_name=",".join(queues))


def cmd_hot_issues(args: argparse.Namespace) -> int:
    _setup()
    import json
    import re

    from django.utils import timezone

    from jiceng.core import clock
    from jiceng.insights.hotissues import counties_taking_requests
    from jiceng.insights.services import hot_issues_refresh

    today = timezone.localdate(clock.now())
    found = re.fullmatch(r"(\d{4})-(\d{2})", args.month or f"{today:%Y-%m}")
    if found is None or not 1 <= int(found[2]) <= 12:
        print("--month must be year-month, e.g. 2026-03", file=sys.stderr)
        return 2
    year, month = int(found[1]), int(found[2])
    counties = [args.county] if args.county else counties_taking_requests()
    summary = []
    for county in counties:
        issues = hot_issues_refresh(county=county, year=year, month=month)
        summary.append(
            {
                "county": county,
                "month": f"{year}-{month:02d}",
                "hot_issues": len(issues),
                "top": [
                    {"rank": i.rank, "label": i.label, "size": i.size, "villages": i.villages}
                    for i in issues[:5]
                ],
            }
        )
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def cmd_import_divisions(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.core.errors import InvalidInput
    from jiceng.places.importer import import_divisions

    try:
        report = import_divisions(Path(args.file), scope=args.scope)
    except InvalidInput as error:
        print(error.message, file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def cmd_setup_units(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.people.units import ensure_units

    if not (args.code.isdigit() and 2 <= len(args.code) <= 12):
        print("CODE must be a division code prefix of 2 to 12 digits, e.g. 330681", file=sys.stderr)
        return 2
    print(f"{ensure_units(args.code)} units created")
    return 0


def cmd_sweep(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.cases.sweep import sweep

    print(sweep().summary())
    return 0


def cmd_verify_history(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.cases.anchor import AnchorReader
    from jiceng.cases.verification import verify

    anchor = AnchorReader(Path(args.anchor)) if args.anchor else None
    if anchor is not None and not anchor.path.is_file():
        print(f"no anchor file at {args.anchor}", file=sys.stderr)
        return 2
    problems = 0
    for problem in verify(anchor=anchor, files=args.files):
        problems += 1
        where = f" (event {problem.seq})" if problem.seq else ""
        name = problem.number or (f"#{problem.case_id}" if problem.case_id else "")
        print(f"case {name}: {problem.problem}{where}" if name else f"anchor: {problem.problem}")
    if problems:
        print(f"history check FAILED: {problems} problem(s)", file=sys.stderr)
        return 1
    if anchor is not None and anchor.summary is not None:
        print(f"anchor of {anchor.summary.at.isoformat()} holds: root {anchor.summary.root}")
    print("history check passed: every case's chain is intact")
    return 0


def cmd_anchor(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.cases.anchor import write_anchor, write_anchor_file

    if args.output:
        summary = write_anchor_file(Path(args.output))
        print(f"anchored {summary.cases} cases (up to #{summary.max_case_id}), root {summary.root}")
    else:
        write_anchor(sys.stdout.buffer)
        sys.stdout.flush()
    return 0


def cmd_apikey(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.api.cli import run

    return run(args)


def cmd_calendar(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.core.calendar_cli import run

    return run(args)


def cmd_manage(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jiceng manage", *args.rest])
    return 0


def cmd_textmining(args: argparse.Namespace) -> int:
    if args.rest[:1] == ["retrain"]:
        # The one text-mining command that reads the database; the library has no Django.
        from django.apps import apps

        if not apps.ready:  # called in-process (tests, scripts) Django is already set up
            _setup()
        from jiceng.cases.training import main as retrain_main

        return retrain_main(args.rest[1:])
    from jiceng.textmining.cli import main as textmining_main

    return textmining_main(args.rest)


def cmd_policies(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.policies.cli import run

    return run(args)


def cmd_onboard_county(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.onboarding.cli import run

    return run(args)


def cmd_keys(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.core.keys_cli import run

    return run(args)


def cmd_config(args: argparse.Namespace) -> int:
    # No Django set-up: the settings are run in environments of their own (jiceng.core.env.docs),
    # so the docs can be written where the present environment could not start Jiceng.
    from jiceng.core.env.docs import run

    return run(args)


def cmd_notices(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.notices.cli import run

    return run(args)


def cmd_backup(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.core.backup_cli import run_backup

    return run_backup(args)


def cmd_restore(args: argparse.Namespace) -> int:
    _setup()
    from jiceng.core.backup_cli import run_restore

    return run_restore(args, verify_history=cmd_verify_history)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jiceng", description="Jiceng (基层) grassroots governance"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_, description=help_)
        command.set_defaults(func=func)
        return command

    demo = add("demo", cmd_demo, "Migrate, load the demo county 诸暨市 and serve it")
    demo.add_argument("--scale", choices=["small", "full"], default="small")
    demo.add_argument("--seed", type=int, default=330681)
    demo.add_argument("--no-serve", action="store_true", help="load the data and exit")
    demo.add_argument("--reset", action="store_true", help="delete the existing demo cases first")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)

    serve = add("serve", cmd_serve, "Serve Jiceng with gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=None, help="processes (cores + 1)")
    serve.add_argument("--threads", type=int, default=None, help="threads per process (2)")
    serve.add_argument(
        "--access-log", default=None, metavar="FILE", help='log each request to FILE ("-": stdout)'
    )
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")

    worker = add("worker", cmd_worker, "Run background tasks and the periodic sweep")
    worker.add_argument("--sweep-minutes", type=float, default=5.0)
    worker.add_argument("--hot-issues-minutes", type=float, default=60.0)
    worker.add_argument("--anchor-minutes", type=float, default=60.0)

    hot = add("hot-issues", cmd_hot_issues, "Group a month's requests into hot issues now")
    hot.add_argument("--month", default=None, help="YYYY-MM (default: this month)")
    hot.add_argument("--county", default=None, help="6-digit county code (default: every county)")

    imp = add(
        "import-divisions", cmd_import_divisions, "Import an NBS division CSV (plain or gzip)"
    )
    imp.add_argument("file")
    imp.add_argument("--scope", default=None, help="only codes starting with this prefix")
    units = add(
        "setup-units",
        cmd_setup_units,
        "Create the units of the divisions under CODE: each county's government and dispatch"
        " centre, township governments, village committees",
    )
    units.add_argument("code", help="a division code or prefix, e.g. 330681 (a county you serve)")

    onboard = add(
        "onboard-county",
        cmd_onboard_county,
        "Set up a county in one step from a workbook (units, departments, staff, catalogue,"
        " grids) and open it for requests; --template writes the empty workbook",
    )
    from jiceng.onboarding.cli import add_arguments as onboard_arguments

    onboard_arguments(onboard)

    policies = add("policies", cmd_policies, "Policies find people: match residents to policies")
    from jiceng.policies.cli import add_arguments as policies_arguments

    policies_arguments(policies)

    calendar = add("calendar", cmd_calendar, "Import or show the holiday calendar")
    from jiceng.core.calendar_cli import add_arguments as calendar_arguments

    calendar_arguments(calendar)
    add("sweep", cmd_sweep, "Apply due escalations, reminders and closings once")
    verify = add("verify-history", cmd_verify_history, "Check every case's hash-chained history")
    verify.add_argument(
        "--anchor", metavar="FILE", help="also check against an anchor written earlier"
    )
    verify.add_argument("--files", action="store_true", help="also check the photos' bytes")
    anchor = add("anchor", cmd_anchor, "Write a signed checkpoint of every case's history head")
    anchor.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    apikey = add("apikey", cmd_apikey, "Create or revoke an API key")
    from jiceng.api.cli import add_arguments as apikey_arguments

    apikey_arguments(apikey)
    keys = add("keys", cmd_keys, "Rotate the data key: new key, re-encrypt, check")
    from jiceng.core.keys_cli import add_arguments as keys_arguments

    keys_arguments(keys)
    config = add("config", cmd_config, "Write docs/configuration.md from the settings' parsers")
    from jiceng.core.env.docs import add_arguments as config_arguments

    config_arguments(config)
    notices = add("notices", cmd_notices, "Send due messages now; list the SMS templates")
    from jiceng.notices.cli import add_arguments as notices_arguments

    notices_arguments(notices)
    backup = add("backup", cmd_backup, "Back up the database (and photos) without the keys")
    restore = add("restore", cmd_restore, "Restore a backup, then verify the history")
    from jiceng.core.backup_cli import add_backup_arguments, add_restore_arguments

    add_backup_arguments(backup)
    add_restore_arguments(restore)
    for name, func, help_ in (
        ("manage", cmd_manage, "Run a Django management command"),
        (
            "textmining",
            cmd_textmining,
            "Text intelligence: train, evaluate, classify, hot-issues, check-spam",
        ),
    ):
        passthrough = add(name, func, help_)
        passthrough.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in {"manage", "textmining"}:
        # Pass everything after the word through untouched, --help included.
        args = argparse.Namespace(rest=argv[1:])
        return int(cmd_manage(args) if argv[0] == "manage" else cmd_textmining(args))
    args = _parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
