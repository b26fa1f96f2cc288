"""A memo forgotten in one process is forgotten by the others at their next request.

The other process is a real one (``jiceng manage shell``) sharing a real Redis, as a
second web node or an administrator's shell would. Skipped without Redis.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from jiceng.core.memo import shared
from jiceng.people.units.routing import village_route

REDIS = os.environ.get("JICENG_REDIS_URL") or "redis://127.0.0.1:6379/13"
ROUTE = ("330681999999",)


@pytest.fixture
def redis_cache(settings):
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis answers at {REDIS}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "jiceng",
        }
    }


def _next_request() -> None:
    """What this process does when its next request starts (a second or more later)."""
    shared._next_sync[0] = 0.0
    shared._request_started()


def _forget_elsewhere(tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_"))}
    clean.update(JICENG_ENV="test", JICENG_HOME=str(tmp_path), JICENG_REDIS_URL=REDIS)
    clean["DATABASE_URL"] = f"sqlite:///{tmp_path}/unused.sqlite3"
    code = "from jiceng.people.units.routing import village_route; village_route.forget()"
    jiceng = str(Path(sys.executable).with_name("jiceng"))
    done = subprocess.run(
        [jiceng, "manage", "shell", "-c", code], env=clean, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-1000:]


def test_a_forget_in_another_process_empties_this_ones_memo_at_its_next_request(
    redis_cache, tmp_path
):
    _next_request()  # the counters as they are now
    village_route.memo.get(ROUTE, lambda: ("330681000000", "诸暨市", 1))
    _forget_elsewhere(tmp_path)
    assert len(village_route.memo) == 1  # no request yet: nothing is looked at
    _next_request()
    assert len(village_route.memo) == 0


def test_forgetting_what_was_announced_announces_nothing_back(redis_cache, tmp_path):
    _next_request()
    _forget_elsewhere(tmp_path)
    counter = cache.get("memo-forgets:people.intake_routes")
    _next_request()
    assert cache.get("memo-forgets:people.intake_routes") == counter


def test_a_local_forget_adds_one_to_the_memos_counter(redis_cache):
    before = cache.get("memo-forgets:people.intake_routes") or 0
    village_route.forget()
    assert cache.get("memo-forgets:people.intake_routes") == before + 1


def test_a_memo_that_is_not_shared_announces_nothing(redis_cache):
    from jiceng.core.db.replica import health

    health.forget()
    assert cache.get("memo-forgets:core.replica_health") is None
