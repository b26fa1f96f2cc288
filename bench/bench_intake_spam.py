"""Cost of the spam check on the intake path, and how many real messages it would quarantine.

    .venv/bin/python bench/bench_intake_spam.py [--repeat 5]

Runs ``cases.intake.spam_verdict`` (what ``case_submit`` calls for web, API and
Open311 requests) over the 7,594 real residents' messages of the Teddy Cup files,
title and body as a resident would type them, and prints the CPU time per message
(median of ``--repeat`` passes, one core) and the number flagged as spam.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "textmining"))
from _data import rows

FILES = ("sample_raw_labeled.csv", "hot_issues_附件3.csv", "replies_附件4.csv")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("JICENG_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()
    from jiceng.cases.intake import spam_verdict
    from jiceng.cases.models import Channel

    messages = [(r["留言主题"], r["留言详情"]) for name in FILES for r in rows(name)]
    flagged = [
        title
        for title, body in messages
        if (v := spam_verdict(channel=Channel.WEB, title=title, description=body)) and v.spam
    ]
    per_message = []
    for _ in range(args.repeat):
        started = time.process_time()
        for title, body in messages:
            spam_verdict(channel=Channel.WEB, title=title, description=body)
        per_message.append((time.process_time() - started) / len(messages))
    chars = statistics.mean(len(t) + len(b) for t, b in messages)
    print(f"{len(messages)} real messages (mean {chars:.0f} characters)")
    print(f"quarantined: {len(flagged)} ({100 * len(flagged) / len(messages):.2f}%) {flagged[:5]}")
    print(
        f"spam check CPU time per message: median {statistics.median(per_message) * 1e3:.3f} ms "
        f"over {args.repeat} passes (min {min(per_message) * 1e3:.3f} ms)"
    )
    load = os.getloadavg()
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
