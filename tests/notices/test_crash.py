"""`kill -9` of the drain in the middle of sending loses nothing and sends nothing twice.

Two thousand SMS wait in the outbox of the test database. `jiceng notices drain --loop`
runs in a subprocess against it, sending through the generic HTTP adapter to the fake
gateway; it is killed with SIGKILL while a batch is half sent (taken by the gateway, not
yet marked), then started again. When its lease ends the batch is claimed and sent again
with the same idempotency keys, and the gateway drops the copies. PostgreSQL only: the
subprocess needs the test database, which on SQLite lives in the test process's memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from jiceng.core import clock
from jiceng.notices import outbox
from jiceng.notices.models import Channel, Message, Status
from jiceng.people.models import Resident

from sms_gateway import TOKEN, Gateway

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the drain subprocess needs the test database, which SQLite keeps in memory",
    ),
]
ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 2000
BATCH = outbox.BATCH


def _plan(count: int) -> None:
    """``count`` urgent SMS (so quiet hours hold none back), each to its own phone."""
    residents = []
    for i in range(count):
        resident = Resident()
        resident.set_phone(f"139{i:08d}")
        residents.append(resident)
    Resident.objects.bulk_create(residents)
    now = clock.now()
    params = {"number": "", "deadline": now.isoformat(), "link": "https://jc.example.cn/r/x"}
    outbox.plan(
        [
            outbox.message(
                key=f"crash:{resident.pk}",
                channel=Channel.SMS,
                template="case_received",
                params={**params, "number": f"2026-{resident.pk:06d}"},
                at=now,
                resident_id=resident.pk,
                urgent=True,
            )
            for resident in residents
        ]
    )


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def _drain(gateway: Gateway, home: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="test",
        JICENG_HOME=str(home),
        JICENG_LANGUAGE="en",
        DATABASE_URL=_database_url(),
        JICENG_SMS_BACKEND="http",
        JICENG_SMS_HTTP_URL=f"{gateway.base}/sms",
        JICENG_SMS_HTTP_TOKEN=TOKEN,
        JICENG_SMS_DAILY_LIMIT="5",
        JICENG_OUTBOX_LEASE_SECONDS="2",
        JICENG_OUTBOX_POLL_SECONDS="1",
    )
    args = [sys.executable, "-m", "jiceng.cli", "notices", "drain", "--loop"]
    return subprocess.Popen(args, cwd=ROOT, env=env, stderr=subprocess.PIPE)


def _wait_for(done: Callable[[], bool], worker: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 120
    while not done():
        if worker.poll() is not None:
            error = worker.stderr.read().decode()[-3000:] if worker.stderr else ""
            pytest.fail(f"the drain stopped by itself while waiting for {what}: {error}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


def _half_way_through_a_later_batch(gateway: Gateway) -> bool:
    taken = len(gateway.deliveries)
    return taken > BATCH and BATCH * 0.3 < taken % BATCH < BATCH * 0.7


def test_killing_the_drain_mid_batch_sends_every_message_exactly_once(tmp_path: Path) -> None:
    _plan(MESSAGES)
    gateway = Gateway(delay=0.02).start()  # a busy gateway: each batch takes a while
    worker = _drain(gateway, tmp_path)
    try:
        _wait_for(lambda: _half_way_through_a_later_batch(gateway), worker, "a half-sent batch")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        stranded = Message.objects.filter(status=Status.SENDING).count()
        taken_before = len(gateway.deliveries)
        assert 0 < stranded <= BATCH  # claimed by the dead drain, part of them taken

        worker = _drain(gateway, tmp_path)
        waiting = Message.objects.exclude(status__in=[Status.SENT, Status.DELIVERED])
        _wait_for(lambda: not waiting.exists(), worker, "every message to be settled")
    finally:
        worker.kill()
        worker.wait(timeout=10)
        gateway.stop()

    copies = gateway.copies()
    rows = list(Message.objects.all())
    assert {row.status for row in rows} == {Status.SENT}
    assert len(gateway.deliveries) == len(copies) == MESSAGES
    assert set(copies.values()) == {1}
    assert set(copies) == {row.client_id for row in rows}
    # The copies handed over again after the crash were dropped by their key, and their
    # rows carry the id the gateway gave the first time.
    assert gateway.repeats > 0 and taken_before > BATCH
    ids = {d.client_id: d.provider_id for d in gateway.deliveries}
    assert all(row.provider_id == ids[row.client_id] for row in rows)
