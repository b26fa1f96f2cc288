"""A real streaming replica: lists read it, writers and lagging or dead replicas do not.

The replica is a second PostgreSQL cluster made with pg_basebackup from the primary the
tests use (pg_replica.py). Its replay is paused to make it visibly behind: a case
written on the primary after the pause is on the replica's pages only once it resumes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.test import override_settings

from jiceng.conf.replica import ROUTER
from jiceng.core.db.replica import health
from jiceng.core.db.replica.middleware import PIN_COOKIE
from jiceng.core.db.replica.state import REPLICA

from factories import dispatched
from pg_replica import Replica, removed, started_replica

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(
        transaction=True, serialized_rollback=True, databases=["default", REPLICA]
    ),
]
MIDDLEWARE = "jiceng.core.db.replica.middleware.ReplicaMiddleware"


@pytest.fixture(scope="module")
def cluster(django_db_setup: None) -> Iterator[Replica]:
    """The replica, as the ``replica`` alias (before the tests' database access is set up,
    which must know every alias a test uses; a mirror, so it is never flushed)."""
    primary = connections["default"].settings_dict
    replica = started_replica(dict(primary))
    connections.settings[REPLICA] = {
        **primary,
        "HOST": "127.0.0.1",
        "PORT": str(replica.port),
        "TEST": {**primary["TEST"], "MIRROR": "default"},
    }
    yield replica
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]
    removed(replica)


@pytest.fixture
def replica(cluster: Replica, db: None) -> Iterator[Replica]:
    """The replica, running, with the router and its middleware on."""
    cluster.start()
    routed = override_settings(
        DATABASE_ROUTERS=[ROUTER],
        MIDDLEWARE=[*django_settings.MIDDLEWARE, MIDDLEWARE],
        JICENG_REPLICA_MAX_LAG=3600,
    )
    routed.enable()
    try:
        yield cluster
    finally:
        routed.disable()
        if cluster.running() and cluster.sql("SELECT pg_is_wal_replay_paused()") is True:
            cluster.sql("SELECT pg_wal_replay_resume()")


def _listed(client) -> list[str]:
    page = client.get("/workbench/").content.decode()
    return re.findall(r'<td class="num"><a href="/workbench/cases/(\d+)/">', page)


def _behind(replica: Replica, users) -> tuple[str, str]:
    """A case both copies have, and one written after the replica stopped replaying."""
    seen = dispatched(users)
    replica.caught_up()
    replica.sql("SELECT pg_wal_replay_pause()")
    unseen = dispatched(users)
    return seen.number, unseen.number


def test_the_queue_is_read_from_the_replica_and_the_case_page_from_the_primary(
    client, users, monday, replica
):
    seen, unseen = _behind(replica, users)
    client.force_login(users["cadre"])
    assert _listed(client) == [seen]  # the replica has not replayed the second case
    page = client.get(f"/workbench/cases/{unseen}/")
    assert page.status_code == 200 and unseen in page.content.decode()
    replica.sql("SELECT pg_wal_replay_resume()")
    replica.caught_up()
    assert sorted(_listed(client)) == sorted([seen, unseen])


def test_after_a_write_the_writer_reads_the_primary_and_others_the_replica(
    client, users, monday, replica, django_user_model
):
    seen, unseen = _behind(replica, users)
    client.force_login(users["cadre"])
    wrote = client.post("/workbench/inbox/read-all/")
    assert wrote.cookies[PIN_COOKIE]["max-age"] == 15
    assert sorted(_listed(client)) == sorted([seen, unseen])
    client.cookies.pop(PIN_COOKIE)  # the pin has expired
    assert _listed(client) == [seen]


def test_a_replica_further_behind_than_the_limit_is_skipped(client, users, monday, replica):
    seen, unseen = _behind(replica, users)
    client.force_login(users["cadre"])
    with override_settings(JICENG_REPLICA_MAX_LAG=1):
        time.sleep(1.5)  # the last transaction the replica replayed is now over 1 s old
        assert health.replica_lag() > 1
        assert sorted(_listed(client)) == sorted([seen, unseen])
    assert _listed(client) == [seen]  # within the default limit again


def test_a_replica_that_is_down_is_skipped_even_mid_request(client, users, monday, replica):
    seen, unseen = _behind(replica, users)
    client.force_login(users["cadre"])
    assert _listed(client) == [seen]  # the replica's connection is now open, and trusted
    replica.stop()
    assert sorted(_listed(client)) == sorted([seen, unseen])  # the query failed: primary
    health.forget()
    assert health.replica_lag() is None
    assert sorted(_listed(client)) == sorted([seen, unseen])
