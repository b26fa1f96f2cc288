"""CPU time per request, by process kind, while a load generator runs.

Reads every process's CPU ticks from /proc before and after the command, and divides
each kind's (the server's processes, PostgreSQL's backends, ...) by the requests wrk
reports. The load generator itself is not counted (it has exited by the second reading).

Usage:
    python bench/api/cpu_per_request.py wrk -t2 -c8 -d10s --latency -s get_key.lua URL
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import time


def _kind(command: str, name: str) -> str:
    if name.startswith("postgres"):
        return "postgres"
    if "jiceng" in command or "gunicorn" in command:
        return "jiceng serve"
    return name


def _ticks() -> collections.Counter[tuple[str, str]]:
    ticks: collections.Counter[tuple[str, str]] = collections.Counter()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat, open(f"/proc/{pid}/cmdline") as cmd:
                line, command = stat.read(), cmd.read().replace("\0", " ")
        except OSError:
            continue
        name = line[line.index("(") + 1 : line.rindex(")")]
        fields = line[line.rindex(")") + 2 :].split()
        ticks[(pid, _kind(command, name))] += int(fields[11]) + int(fields[12])  # utime+stime
    return ticks


def main() -> None:
    before, started = _ticks(), time.monotonic()
    out = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=True).stdout
    after, elapsed = _ticks(), time.monotonic() - started
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if found is None:
        sys.exit(f"no Requests/sec in the command's output:\n{out}")
    requests = float(found.group(1)) * elapsed
    per_kind: collections.Counter[str] = collections.Counter()
    for key, value in after.items():
        per_kind[key[1]] += value - before.get(key, 0)
    hertz = os.sysconf("SC_CLK_TCK")
    latency = [line.split() for line in out.splitlines() if line.strip()[:3] in ("50%", "99%")]
    print(f"{found.group(1)} req/s; latency {' '.join(' '.join(pair) for pair in latency)}")
    for kind, value in per_kind.most_common(4):
        print(f"  {kind}: {value / hertz * 1000 / requests:.2f} ms CPU per request")


if __name__ == "__main__":
    main()
