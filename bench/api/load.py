"""A bounded load generator for the APIs: N client processes, each on a keep-alive
connection, for a fixed number of seconds. Prints requests/s and p50/p99 latency.

Usage: python bench/api/load.py --port P --key KEY [--seconds 15] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import statistics
import time
from collections.abc import Callable
from typing import Any

Request = Callable[[int], tuple[str, str, bytes | None, dict[str, str]]]


def _create(n: int, key: str, village: str) -> tuple[str, str, bytes | None, dict[str, str]]:
    body = {
        "category": "transport",
        "description": f"压测工单 {n}：村口路灯坏了",
        "division": village,
        "phone": f"139{n % 100000000:08d}",
    }
    headers = {"X-API-Key": key, "Content-Type": "application/json"}
    return "POST", "/api/v1/cases", json.dumps(body).encode(), headers


def _worker(args: tuple[str, int, float, str, str, int, Any]) -> list[float]:
    name, port, seconds, key, village, seed, _ = args
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies: list[float] = []
    n = seed * 1_000_000
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        n += 1
        if name == "create":
            method, path, body, headers = _create(n, key, village)
        else:
            method, path, body, headers = "GET", PATHS[name], None, {"X-API-Key": key}
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status >= 300:
            raise SystemExit(f"{name}: HTTP {response.status}")
        latencies.append(time.perf_counter() - started)
    return latencies


PATHS = {
    "bare": "/bench/bare",
    "open311_requests": "/open311/v2/requests.json",
    "api_cases": "/api/v1/cases",
}


def measure(name: str, port: int, seconds: float, clients: int, key: str, village: str) -> str:
    jobs = [(name, port, seconds, key, village, i, None) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        results = pool.map(_worker, jobs)
    latencies = sorted(value for result in results for value in result)
    count = len(latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(count - 1, int(count * 0.99))] * 1000
    rate = count / seconds
    return f"{name:18} {rate:8.1f} req/s   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   (n={count})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--village", default="330681109002")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    # The spec's default window is the last 90 days; demo data may end earlier.
    parser.add_argument("--open311-query", default="", help="e.g. start_date=…&end_date=…")
    parser.add_argument(
        "--only", nargs="*", default=["bare", "open311_requests", "api_cases", "create"]
    )
    args = parser.parse_args()
    if args.open311_query:
        PATHS["open311_requests"] += "?" + args.open311_query
    for name in args.only:
        print(
            measure(name, args.port, args.seconds, args.clients, args.key, args.village), flush=True
        )


if __name__ == "__main__":
    main()
