"""Memory and start-up of a web process: load the WSGI application in a fresh interpreter.

    .venv/bin/python bench/textmining/web_rss.py --runs 5

Prints the median peak RSS and load time, and which heavy libraries got imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = """
import json, resource, sys, time
started = time.perf_counter()
import jiceng.wsgi
from jiceng.server import post_worker_init
post_worker_init(None)  # what gunicorn runs in a worker before it serves
seconds = time.perf_counter() - started
print(json.dumps({
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "seconds": seconds,
    "imported": [m for m in ("jieba", "rjieba", "sklearn", "joblib", "scipy") if m in sys.modules],
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results = []
    with tempfile.TemporaryDirectory() as home:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "JICENG_ENV": "development",
            "JICENG_HOME": home,
            "DJANGO_SETTINGS_MODULE": "jiceng.settings",
        }
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
            )
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    rss = statistics.median(r["rss_mb"] for r in results)
    seconds = statistics.median(r["seconds"] for r in results)
    print(f"web process after loading the application ({runs} runs, medians):")
    print(f"peak RSS {rss:.0f} MB, load {seconds:.2f} s, imported: {results[0]['imported']}")


if __name__ == "__main__":
    main()
