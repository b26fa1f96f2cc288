"""Outbox drain throughput: messages per second from the outbox to an SMS gateway.

    .venv/bin/python bench/outbox_drain.py                      # fresh SQLite file
    .venv/bin/python bench/outbox_drain.py --database-url postgres://postgres@127.0.0.1:5432/jiceng_bench

Plans N SMS to N residents (each with their own phone, so the daily limit holds none
back; urgent, so quiet hours do not either), then drains them with ``outbox.drain_all``
through the generic HTTP adapter to the fake gateway of the tests, which runs in its own
process (tests/sms_gateway.py) as a real gateway would. Prints the median rate of R runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _django_setup import migrated_django

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "gateway-token"  # noqa: S105 - the fake gateway's (tests/sms_gateway.py)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_gateway(delay: float) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    script = str(ROOT / "tests" / "sms_gateway.py")
    args = [sys.executable, script, "--port", str(port), "--delay", str(delay)]
    gateway = subprocess.Popen(args, stdout=subprocess.PIPE)
    assert gateway.stdout is not None
    gateway.stdout.readline()  # "fake SMS gateway on ..." once it listens
    return gateway, f"http://127.0.0.1:{port}"


def _residents(n: int) -> list[int]:
    from jiceng.people.models import Resident

    residents = []
    for i in range(n):
        resident = Resident()
        resident.set_phone(f"137{i:08d}")
        residents.append(resident)
    Resident.objects.bulk_create(residents, batch_size=1000)
    return [r.pk for r in residents]


def _plan(run: int, residents: list[int]) -> None:
    from jiceng.core import clock
    from jiceng.notices import outbox
    from jiceng.notices.models import Channel

    now = clock.now()
    messages = [
        outbox.message(
            key=f"bench:{run}:{pk}",
            channel=Channel.SMS,
            template="case_received",
            params={"number": f"2026{pk:08d}", "deadline": now.isoformat(), "link": "https://jc.example.cn/r/abcdefgh"},
            at=now,
            resident_id=pk,
            urgent=True,
        )
        for pk in residents
    ]  # fmt: skip
    for start in range(0, len(messages), 1000):
        outbox.plan(messages[start : start + 1000])


def _one_run(run: int, residents: list[int], profile: bool) -> tuple[float, float]:
    """Messages per wall-clock second and per CPU second of this (the draining) process."""
    from jiceng.notices import outbox
    from jiceng.notices.models import Message, Status

    Message.objects.all().delete()  # sent ones count towards the per-phone daily limit
    _plan(run, residents)
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    report = outbox.drain_all(budget_seconds=3600)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert report.sent == len(residents), report.summary()
    assert not Message.objects.exclude(status=Status.SENT).exists()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return report.sent / wall, report.sent / cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.0, help="gateway answer time (s)")
    parser.add_argument("--profile", action="store_true", help="profile the last run")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    migrated_django(url)
    from django.conf import settings
    from django.db import connection

    from jiceng.core import memo

    gateway, base = _start_gateway(args.delay)
    try:
        settings.JICENG_SMS_BACKEND = "http"
        settings.JICENG_NOTICE_BACKENDS = {
            **settings.JICENG_NOTICE_BACKENDS,
            "sms": "jiceng.notices.channels.http.HttpSmsBackend",
        }
        settings.JICENG_SMS_HTTP_URL, settings.JICENG_SMS_HTTP_TOKEN = f"{base}/sms", TOKEN
        memo.forget_all()  # settings changed outside override_settings
        residents = _residents(args.n)
        rates = []
        for run in range(args.repeat):
            last = run == args.repeat - 1
            wall, cpu = _one_run(run, residents, profile=args.profile and last)
            rates.append((wall, cpu))
            print(f"run {run + 1}: {wall:7.0f} msg/s wall, {cpu:7.0f} msg/s per CPU second")
    finally:
        gateway.terminate()
        gateway.wait()
    print(
        f"{connection.vendor}, {args.n} messages, concurrency {settings.JICENG_SMS_CONCURRENCY}: "
        f"median {statistics.median(r[0] for r in rates):.0f} msg/s wall, "
        f"{statistics.median(r[1] for r in rates):.0f} msg/s per CPU second "
        f"({args.repeat} runs)"
    )


if __name__ == "__main__":
    main()
