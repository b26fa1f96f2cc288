"""Top hot issues in hot_issues_附件3.csv (4,326 messages, 2017–2020).

    .venv/bin/python bench/textmining/hot_issues.py [--top 10]

Same as ``jiceng textmining hot-issues --input …/hot_issues_附件3.csv
--id-column 留言编号 --text-columns 留言主题,留言详情 --time-column 留言时间
--likes-column 点赞数 --user-column 留言用户 --top 10 --format text``, plus the
first member titles of each group so that they can be read.
"""

from __future__ import annotations

import argparse
import time

from _data import rows

from jiceng.textmining.hotissues import Message, find_hot_issues
from jiceng.textmining.table import parse_time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--titles", type=int, default=6, help="member titles shown per issue")
    args = parser.parse_args()
    data = rows("hot_issues_附件3.csv")
    messages = [
        Message(
            id=r["留言编号"],
            title=r["留言主题"],
            text=r["留言详情"],
            time=parse_time(r["留言时间"]),
            likes=int(r["点赞数"] or 0),
            user=r["留言用户"],
        )
        for r in data
    ]
    titles = {r["留言编号"]: r["留言主题"] for r in data}
    started = time.perf_counter()
    issues = find_hot_issues(messages, top=args.top)
    print(f"{len(messages)} messages grouped in {time.perf_counter() - started:.1f} s")
    for issue in issues:
        print(
            f"\n#{issue.rank} heat {issue.heat:.2f} size {issue.size} voices {issue.voices} "
            f"likes {issue.likes} days {issue.active_days} "
            f"{issue.first_seen:%Y-%m-%d}..{issue.last_seen:%Y-%m-%d}"
        )
        print(f"   label: {issue.label}   keywords: {', '.join(issue.keywords)}")
        for member in issue.members[: args.titles]:
            print(f"   - {titles[member]}")


if __name__ == "__main__":
    main()
