"""A real streaming replica of the local PostgreSQL primary, in a temporary cluster.

Made with ``pg_basebackup -R`` from the primary the tests use, started on a free port
as a hot standby, stopped and deleted afterwards. The primary must accept replication
connections from 127.0.0.1: when it does not, a ``host replication`` line is added to
its pg_hba.conf once (idempotently: CI runs on the same machine) and the server reloads.
PostgreSQL refuses to run as root, so as root the cluster runs as ``postgres``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SLOT_PREFIX = "jiceng_test_replica_"
HBA_LINE = "host replication all 127.0.0.1/32 trust  # jiceng tests: streaming replica"
# A hot standby needs at least the primary's values of these.
MATCHED = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


def _binary(name: str) -> str | None:
    for folder in ("/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"):
        if os.access(f"{folder}/{name}", os.X_OK):
            return f"{folder}/{name}"
    return shutil.which(name)


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Replica:
    primary: dict[str, object]  # Django's settings of the primary (default) connection
    folder: Path
    port: int = 0

    @property
    def slot(self) -> str:
        # The slot keeps the WAL the replica has not received yet: on a busy primary
        # without one, the segments it needs are gone before it starts.
        return f"{SLOT_PREFIX}{self.port}"

    def conninfo(self, *, replica: bool) -> str:
        port = self.port if replica else self.primary.get("PORT") or 5432
        host = "127.0.0.1" if replica else self.primary.get("HOST") or "127.0.0.1"
        user = self.primary.get("USER") or "postgres"
        return f"host={host} port={port} user={user} dbname={self.primary['NAME']}"

    def sql(self, query: str, *, replica: bool = True) -> object:
        with psycopg.connect(self.conninfo(replica=replica), autocommit=True) as db:
            row = db.execute(query).fetchone()
            return row[0] if row else None

    def running(self) -> bool:
        return (self.folder / "data" / "postmaster.pid").exists()

    def start(self) -> None:
        if self.running():
            return
        pg_ctl = _binary("pg_ctl")
        options = " ".join(f"-c {name}={value}" for name, value in self._matched().items())
        options += f" -c port={self.port} -c listen_addresses=127.0.0.1"
        options += f" -c unix_socket_directories={self.folder} -c hot_standby=on"
        command = [*_as_postgres(), str(pg_ctl), "-D", str(self.folder / "data"), "-w"]
        command += ["-l", str(self.folder / "log"), "-o", options, "start"]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        if not self.running():
            return
        command = [*_as_postgres(), str(_binary("pg_ctl")), "-D", str(self.folder / "data")]
        subprocess.run([*command, "-m", "fast", "-w", "stop"], capture_output=True, timeout=60)

    def caught_up(self, timeout: float = 30.0) -> None:
        """Wait until the replica has replayed everything the primary has written so far."""
        target = self.sql("SELECT pg_current_wal_lsn()::text", replica=False)
        deadline = time.monotonic() + timeout
        query = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        while self.sql(query) is not True:
            if time.monotonic() > deadline:
                raise TimeoutError("the replica did not catch up")
            time.sleep(0.05)

    def _matched(self) -> dict[str, str]:
        names = ",".join(f"'{name}'" for name in MATCHED)
        with psycopg.connect(self.conninfo(replica=False), autocommit=True) as db:
            rows = db.execute(f"SELECT name, setting FROM pg_settings WHERE name IN ({names})")
            return {name: value for name, value in rows.fetchall()}


def _allow_replication(primary: Replica) -> None:
    """Add the ``host replication`` line to the primary's pg_hba.conf unless it is there."""
    hba = Path(str(primary.sql("SHOW hba_file", replica=False)))
    try:
        text = hba.read_text()
        if HBA_LINE not in text:
            hba.write_text(text.rstrip("\n") + "\n" + HBA_LINE + "\n")
    except OSError as exc:
        pytest.skip(f"cannot allow replication in {hba}: {exc}")
    primary.sql("SELECT pg_reload_conf()", replica=False)


def _base_backup(replica: Replica) -> subprocess.CompletedProcess[str]:
    target = replica.folder / "data"
    shutil.rmtree(target, ignore_errors=True)
    primary = replica.primary
    command = [*_as_postgres(), str(_binary("pg_basebackup")), "-D", str(target), "-R"]
    command += ["-C", "-S", replica.slot]
    command += ["-X", "stream", "-c", "fast", "-h", str(primary.get("HOST") or "127.0.0.1")]
    command += ["-p", str(primary.get("PORT") or 5432), "-U", str(primary.get("USER"))]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def started_replica(primary: dict[str, object]) -> Replica:
    """A replica of ``primary`` running on a free port; skips the test when it cannot be."""
    if "postgresql" not in str(primary["ENGINE"]):
        pytest.skip("a streaming replica needs PostgreSQL")
    if not (_binary("pg_basebackup") and _binary("pg_ctl")):
        pytest.skip("pg_basebackup or pg_ctl is not installed")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running PostgreSQL as root needs runuser to switch to postgres")
    folder = Path(tempfile.mkdtemp(prefix="jiceng-replica-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    replica = Replica(primary, folder, _free_port())
    _drop_slots(replica, only_inactive=True)  # left by a run that was killed
    done = _base_backup(replica)
    if done.returncode != 0 and "replication" in done.stderr:
        _allow_replication(replica)
        done = _base_backup(replica)
    if done.returncode != 0:
        removed(replica)
        pytest.skip(f"pg_basebackup failed: {done.stderr.strip()[-300:]}")
    try:
        _configure_and_start(replica)
    except BaseException:
        log = folder / "log"
        print(log.read_text()[-2000:] if log.exists() else "no log")
        removed(replica)
        raise
    return replica


def _configure_and_start(replica: Replica) -> None:
    data = replica.folder / "data"
    (data / "postgresql.conf").write_text("")  # Debian keeps the primary's under /etc
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    if os.geteuid() == 0:
        for name in ("postgresql.conf", "pg_hba.conf"):
            shutil.chown(data / name, "postgres", "postgres")
    replica.start()


def _drop_slots(replica: Replica, *, only_inactive: bool) -> None:
    which = f"slot_name = '{replica.slot}'" if not only_inactive else "NOT active"
    replica.sql(
        "SELECT count(pg_drop_replication_slot(slot_name)) FROM pg_replication_slots "
        f"WHERE slot_name LIKE '{SLOT_PREFIX}%' AND {which}",
        replica=False,
    )


def removed(replica: Replica) -> None:
    """Stopped, its slot dropped on the primary, its folder deleted."""
    replica.stop()
    _drop_slots(replica, only_inactive=False)
    shutil.rmtree(replica.folder, ignore_errors=True)
