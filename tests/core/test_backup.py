"""``jiceng backup`` and ``jiceng restore`` as an operator runs them: separate processes,
a real database file or server, the keys given apart from the backup."""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
JICENG = Path(sys.executable).parent / "jiceng"
NEW_KEY = "bmV3LWRhdGEta2V5LW5ldy1kYXRhLWtleS1uZXctMDE="
CHANGE_AN_EVENT = (
    "UPDATE cases_caseevent SET note = note || '!' WHERE id = (SELECT min(id) FROM cases_caseevent)"
)
DELETE_RESIDENTS = (
    "DELETE FROM people_resident WHERE id NOT IN "
    "(SELECT resident_id FROM cases_case WHERE resident_id IS NOT NULL)"
)


def _jiceng(home, *args, database=None, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="development",
        JICENG_LANGUAGE="en",
        JICENG_HOME=str(home),
        DATABASE_URL=database or f"sqlite:///{home}/demo.sqlite3",
        **extra,
    )
    return subprocess.run(
        [str(JICENG), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo")
    loaded = _jiceng(home, "demo", "--scale", "small", "--no-serve", "--seed", "7")
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    return home


@pytest.fixture
def home(demo, tmp_path):
    """A copy of the demo installation of its own, and a photo in its media folder."""
    copy = tmp_path / "home"
    shutil.copytree(demo, copy)
    (copy / "media" / "photos").mkdir(parents=True)
    (copy / "media" / "photos" / "lamp.jpg").write_bytes(b"\xff\xd8 a photo")
    return copy


def _count(home, table):
    with sqlite3.connect(home / "demo.sqlite3") as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _tamper(home):
    """Residents gone and one event's text changed, as a bad migration or a hand might."""
    with sqlite3.connect(home / "demo.sqlite3") as db:
        db.execute(CHANGE_AN_EVENT)
        db.execute(DELETE_RESIDENTS)


def _keys(home):
    pairs = (line.split("=", 1) for line in (home / "keys.env").read_text().splitlines())
    return dict(pairs)


def test_a_sqlite_backup_brings_back_data_and_photos_and_the_history_verifies(home, tmp_path):
    residents = _count(home, "people_resident")
    dump = tmp_path / "b" / "nightly.sqlite3"
    taken = _jiceng(home, "backup", "--output", str(dump), "--with-media")
    assert taken.returncode == 0, taken.stderr
    manifest = json.loads(Path(f"{dump}.json").read_text())
    assert manifest["database"] == "sqlite" and manifest["cases"] == 600
    assert "cases.0001_initial" in manifest["migrations"]
    _tamper(home)
    (home / "media" / "photos" / "lamp.jpg").unlink()
    assert _jiceng(home, "verify-history").returncode == 1
    restored = _jiceng(home, "restore", str(dump), "--with-media")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "history check passed" in restored.stdout and "key check passed" in restored.stdout
    assert _count(home, "people_resident") == residents
    assert (home / "media" / "photos" / "lamp.jpg").read_bytes() == b"\xff\xd8 a photo"


def test_the_backup_holds_no_key(home, tmp_path):
    dump = tmp_path / "nightly.sqlite3"
    assert _jiceng(home, "backup", "--output", str(dump)).returncode == 0
    written = dump.read_bytes() + Path(f"{dump}.json").read_bytes()
    for value in _keys(home).values():
        assert value.encode() not in written
    assert oct(dump.stat().st_mode & 0o777) == "0o600"


def test_the_default_backup_goes_under_jiceng_home_with_a_time_in_its_name(home):
    assert _jiceng(home, "backup").returncode == 0
    names = sorted(p.name for p in (home / "backups").iterdir())
    assert len(names) == 2 and re.fullmatch(r"jiceng-\d{8}-\d{6}\.sqlite3", names[0])
    assert names[1] == names[0] + ".json"


def test_restore_refuses_a_backup_written_under_another_data_key(home, tmp_path):
    dump = tmp_path / "nightly.sqlite3"
    assert _jiceng(home, "backup", "--output", str(dump)).returncode == 0
    _tamper(home)
    refused = _jiceng(home, "restore", str(dump), JICENG_DATA_KEY=NEW_KEY)
    assert refused.returncode == 2
    assert "another data key" in refused.stderr and "JICENG_DATA_KEYS_OLD" in refused.stderr
    assert _jiceng(home, "verify-history").returncode == 1  # nothing was overwritten
    forced = _jiceng(home, "restore", str(dump), "--ignore-key-mismatch", JICENG_DATA_KEY=NEW_KEY)
    assert forced.returncode == 1 and "FAILED" in forced.stderr


def test_restore_refuses_a_file_that_is_not_the_one_its_manifest_describes(home, tmp_path):
    dump = tmp_path / "nightly.sqlite3"
    assert _jiceng(home, "backup", "--output", str(dump)).returncode == 0
    with dump.open("ab") as stream:
        stream.write(b"\0")
    refused = _jiceng(home, "restore", str(dump))
    assert refused.returncode == 2 and "checksum differs" in refused.stderr


def test_a_backup_from_before_a_key_rotation_restores_with_the_old_key_in_the_ring(home, tmp_path):
    """The whole drill: back up, rotate (pin, switch), restore the old backup, re-encrypt."""
    dump = tmp_path / "before-rotation.sqlite3"
    assert _jiceng(home, "backup", "--output", str(dump)).returncode == 0
    printed = _jiceng(home, "keys", "rotate").stdout
    pins = dict(line.split("=", 1) for line in printed.splitlines() if line.startswith("JICENG_"))
    rotated = {
        "JICENG_INDEX_KEY": pins["JICENG_INDEX_KEY"],
        "JICENG_HISTORY_KEY": pins["JICENG_HISTORY_KEY"],
        "JICENG_DATA_KEY": pins["JICENG_DATA_KEY"],
        "JICENG_DATA_KEYS_OLD": _keys(home)["JICENG_DATA_KEY"],
    }
    assert _jiceng(home, "keys", "reencrypt", **rotated).returncode == 0
    _tamper(home)
    restored = _jiceng(home, "restore", str(dump), **rotated)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert _jiceng(home, "keys", "check", **rotated).returncode == 1  # the backup's old values
    assert _jiceng(home, "keys", "reencrypt", **rotated).returncode == 0
    rotated.pop("JICENG_DATA_KEYS_OLD")
    assert _jiceng(home, "keys", "check", **rotated).returncode == 0
    assert _jiceng(home, "verify-history", **rotated).returncode == 0


def _postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _admin(url, statement):
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute(statement)


@pytest.fixture
def scratch_postgres():
    """A database of its own beside the test database, dropped afterwards."""
    url = _postgres_url()
    if url is None:
        pytest.skip("DATABASE_URL is not PostgreSQL")
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_restore"
    admin_url = parts._replace(path="/postgres").geturl()
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}"')
    _admin(admin_url, f'CREATE DATABASE "{name}"')
    yield parts._replace(path=f"/{name}").geturl()
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_postgresql_backup_restores_a_dropped_table_and_the_history_verifies(
    scratch_postgres, tmp_path
):
    import psycopg

    home = tmp_path / "home"
    home.mkdir()
    db = scratch_postgres
    loaded = _jiceng(home, "demo", "--scale", "small", "--no-serve", "--seed", "7", database=db)
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    dump = tmp_path / "nightly.dump"
    taken = _jiceng(home, "backup", "--output", str(dump), database=db)
    assert taken.returncode == 0, taken.stderr
    assert json.loads(Path(f"{dump}.json").read_text())["database"] == "postgresql"
    with psycopg.connect(db, autocommit=True) as conn:
        residents = conn.execute("SELECT count(*) FROM people_resident").fetchone()[0]
        conn.execute(CHANGE_AN_EVENT)
        conn.execute("DROP TABLE cases_rating")
    assert _jiceng(home, "verify-history", database=db).returncode != 0
    restored = _jiceng(home, "restore", str(dump), database=db)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "history check passed" in restored.stdout
    with psycopg.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM people_resident").fetchone()[0] == residents
        assert conn.execute("SELECT count(*) FROM cases_rating").fetchone()[0] > 0


def test_a_postgresql_backup_without_the_client_tools_says_what_to_install(
    scratch_postgres, tmp_path
):
    missing = _jiceng(tmp_path, "backup", database=scratch_postgres, PATH="/nonexistent")
    assert missing.returncode == 1
    assert "pg_dump was not found" in missing.stderr and "postgresql-client" in missing.stderr


def test_a_backup_taken_mid_rotation_warns_of_its_old_key_and_fails_the_key_check_without_it(
    home, tmp_path
):
    printed = _jiceng(home, "keys", "rotate").stdout
    pins = dict(line.split("=", 1) for line in printed.splitlines() if line.startswith("JICENG_"))
    switched = {**pins, "JICENG_DATA_KEYS_OLD": _keys(home)["JICENG_DATA_KEY"]}
    dump = tmp_path / "mid-rotation.sqlite3"
    assert _jiceng(home, "backup", "--output", str(dump), **switched).returncode == 0
    switched.pop("JICENG_DATA_KEYS_OLD")
    restored = _jiceng(home, "restore", str(dump), **switched)
    assert restored.returncode == 1
    assert "an old data key (fingerprint" in restored.stderr
    assert "key check FAILED" in restored.stderr
