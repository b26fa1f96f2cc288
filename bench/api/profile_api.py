"""Profile the hot API endpoints in process: time per request, queries per request, and
(with --profile) where the time goes. No server, no network: this isolates our code.

Usage (against a loaded demo database; it writes cases when profiling creation):
    JICENG_ENV=development JICENG_HOME=/tmp/x python bench/api/profile_api.py \
        [--only list|open311|create|open311-create] [--n 50] [--profile pyinstrument|cprofile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Max  # noqa: E402
from django.test import Client  # noqa: E402

from jiceng.api.models import ApiKey  # noqa: E402
from jiceng.api.services import apikey_create, apikey_revoke  # noqa: E402
from jiceng.cases.models import Case  # noqa: E402
from jiceng.places.models import Division, Level  # noqa: E402

COUNTY = "330681"


def _key() -> str:
    """A fresh dispatcher key; the previous run's keys are revoked."""
    for old in ApiKey.objects.filter(name__startswith="profile-", revoked_at__isnull=True):
        apikey_revoke(name=old.name)
    name = f"profile-{time.time_ns()}"
    return apikey_create(name=name, role="dispatcher", jurisdiction=COUNTY)[1]


def _scenarios(key: str) -> dict[str, Callable[[Client, int], Any]]:
    village = Division.objects.filter(level=Level.VILLAGE, code__startswith=COUNTY).first()
    assert village is not None, "load the demo first"
    header = {"X-API-Key": key}
    # The last 90 days of the loaded data: a full (1,000-request) answer whatever "now" is.
    last = Case.objects.exclude(channel__in=("api", "open311")).aggregate(at=Max("submitted_at"))[
        "at"
    ]
    window = {
        "start_date": (last - timedelta(days=89)).isoformat(),
        "end_date": last.isoformat(),
    }

    def create(client: Client, n: int) -> Any:
        body = {
            "category": "transport",
            "description": f"压测工单 {n}：村口路灯坏了，晚上看不见路。",
            "division": village.code,
            "phone": f"139{n % 100000000:08d}",
        }
        return client.post("/api/v1/cases", body, content_type="application/json", headers=header)

    def open311_create(client: Client, n: int) -> Any:
        form = {
            "api_key": key,
            "service_code": "transport",
            "address_id": village.code,
            "description": f"压测工单 {n}：村口路灯坏了",
            "phone": f"137{n % 100000000:08d}",
        }
        return client.post("/open311/v2/requests.json", form)

    return {
        "list": lambda client, n: client.get("/api/v1/cases", headers=header),
        "open311": lambda client, n: client.get("/open311/v2/requests.json"),
        "open311-window": lambda client, n: client.get("/open311/v2/requests.json", window),
        "create": create,
        "open311-create": open311_create,
    }


def _run(name: str, call: Callable[[Client, int], Any], n: int, profile: str) -> None:
    client = Client()
    first = call(client, 0)
    assert first.status_code in (200, 201), (first.status_code, first.content[:300])
    queries: list[str] = []

    def count(execute: Any, sql: str, *args: Any) -> Any:
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        call(client, 1)
    profiler: Any = None
    if profile == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    elif profile == "cprofile":
        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    cpu = time.process_time()
    for i in range(n):
        call(client, 2 + i + time.time_ns() % 10_000_000)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if profile == "pyinstrument":
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    elif profile == "cprofile":
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(40)
    size = len(first.content)
    print(
        f"{name}: {elapsed / n * 1000:.2f} ms/request ({cpu / n * 1000:.2f} ms CPU), "
        f"{len(queries)} queries, {size} bytes"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--profile", choices=["pyinstrument", "cprofile"], default="")
    args = parser.parse_args()
    scenarios = _scenarios(_key())
    for name in args.only or list(scenarios):
        _run(name, scenarios[name], args.n, args.profile)


if __name__ == "__main__":
    main()
