"""Hot-issue grouping at city scale: a month of 100,000 messages, full and incremental.

    .venv/bin/python bench/textmining/hot_issues_scale.py [--messages 100000] [--new 200]

The month is generated (seed 0) from three sources:

* real messages with titles (附件3, 附件4 and the labelled raw sample, 7,594) and
  the 8,250 training messages (words run together, the first 12 characters as
  the title), each drawn several times with variations: clauses shuffled and
  some dropped, digits changed, a greeting or closing line from a pool added;
* demo requests (``jiceng.demo.texts.request_text``) in 13 categories from 60
  villages: template-made, so they carry the stock sentences that boilerplate
  removal must catch;
* 300 "hot" problems: real messages each reported 10 to 400 times (a Zipf-like
  spread) with the same variations, by different users over the month.

Each phase runs in a fresh process that first loads the messages, so its peak
RSS is that of one grouping run (the messages themselves are included; the
figure after loading is printed too):

* full: ``Grouping.build`` over the first ``messages − new`` messages (by time),
  then ranking and keywords of the top 20 groups, and serialising the state;
* incremental: loading that state and placing the last ``new`` messages (an
  hour of a 100,000-message month is about 140), ranking again.

Times are wall-clock and CPU seconds of the phase (the machine is shared, CPU
time is the steadier figure).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _data import rows

from jiceng.textmining.hotissues import Grouping, Message, rank_groups

_CLAUSE = re.compile(r"(?<=[。！？，；\n])")
_DIGITS = re.compile(r"\d+")
GREETINGS = ("您好！", "尊敬的领导：", "领导好，", "你好，", "书记您好！", "")
CLOSINGS = ("望尽快处理。", "谢谢！", "请相关部门重视。", "盼复。", "麻烦领导关注一下。", "")
VILLAGES = [f"{a}{b}村" for a in "陈王李赵孙周吴郑冯沈韩杨" for b in "家庄湾塘岭"][:60]
MONTH_START = datetime(2026, 3, 1, tzinfo=UTC)


def vary(title: str, text: str, rng: random.Random) -> tuple[str, str]:
    """The same message as another resident might write it."""
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    rng.shuffle(clauses)
    if len(clauses) > 3:
        clauses = clauses[: max(3, int(len(clauses) * rng.uniform(0.6, 1.0)))]
    body = rng.choice(GREETINGS) + "".join(clauses) + rng.choice(CLOSINGS)
    body = _DIGITS.sub(lambda m: str(rng.randint(1, 99)), body)
    return title, body


def base_messages() -> list[tuple[str, str, str]]:
    """(title, text, category) of the real messages."""
    found = []
    for name in ("hot_issues_附件3.csv", "replies_附件4.csv", "sample_raw_labeled.csv"):
        for row in rows(name):
            found.append((row["留言主题"], row["留言详情"], row.get("一级分类", "")))
    for row in rows("train_segmented.csv"):
        text = row["text"].replace(" ", "")
        found.append((text[:12], text, row["label"]))
    return found


def generate(total: int, seed: int = 0) -> list[dict[str, object]]:
    from jiceng.demo.texts import CATEGORY_CODES, request_text

    rng = random.Random(seed)
    real = base_messages()
    hot_bases = rng.sample(range(len(real)), 300)
    hot_sizes = [min(400, max(10, int(400 / (rank + 1) ** 0.8))) for rank in range(300)]
    drafts: list[tuple[str, str, str]] = []
    for base, size in zip(hot_bases, hot_sizes, strict=True):
        title, text, category = real[base]
        drafts.extend((*vary(title, text, rng), category) for _ in range(size))
    demo = int(0.4 * total)
    for _ in range(demo):
        category = rng.choice(CATEGORY_CODES)
        title, text = request_text(category, rng, village=rng.choice(VILLAGES), township="枫桥镇")
        drafts.append((title, text, category))
    while len(drafts) < total:
        title, text, category = real[rng.randrange(len(real))]
        drafts.append((*vary(title, text, rng), category))
    drafts = drafts[:total]
    seconds = 31 * 24 * 3600
    times = sorted(rng.randrange(seconds) for _ in drafts)
    rng.shuffle(drafts)
    return [
        {
            "id": str(i + 1),
            "title": title,
            "text": text,
            "category": category,
            "time": (MONTH_START + timedelta(seconds=at)).isoformat(),
            "user": f"u{rng.randrange(total)}",
        }
        for i, ((title, text, category), at) in enumerate(zip(drafts, times, strict=True))
    ]


def load(path: Path) -> list[Message]:
    return [
        Message(
            id=str(r["id"]),
            title=str(r["title"]),
            text=str(r["text"]),
            category=str(r["category"]),
            time=datetime.fromisoformat(str(r["time"])),
            user=str(r["user"]),
        )
        for r in json.loads(path.read_text(encoding="utf-8"))
    ]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(kind: str, data: Path, state: Path, new: int) -> None:
    messages = load(data)
    loaded = _rss_mb()
    old, recent = messages[: len(messages) - new], messages[len(messages) - new :]
    cpu, wall = time.process_time(), time.perf_counter()
    if kind == "full":
        grouping = Grouping.build(old)
        batch = old
    else:
        grouping = Grouping.from_bytes(state.read_bytes())
        grouping.place(recent)
        batch = messages
    issues = rank_groups(grouping, batch, top=20, min_size=3)
    blob = grouping.to_bytes()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if kind == "full":
        state.write_bytes(blob)
    sizes = grouping.group_sizes()
    print(
        json.dumps(
            {
                "phase": kind,
                "messages": len(batch),
                "wall_s": round(wall, 1),
                "cpu_s": round(cpu, 1),
                "peak_rss_mb": round(_rss_mb()),
                "rss_after_loading_mb": round(loaded),
                "state_mb": round(len(blob) / 1e6, 1),
                "groups_of_2_plus": int((sizes >= 2).sum()),
                "groups_of_3_plus": int((sizes >= 3).sum()),
                "largest": int(sizes.max()),
                "top": [(i.size, i.label[:24], i.keywords[:3]) for i in issues[:5]],
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=200)
    parser.add_argument("--phase", choices=("full", "incremental"))
    parser.add_argument("--data")
    parser.add_argument("--state")
    parser.add_argument("--keep", help="folder to keep the generated month and state in")
    args = parser.parse_args()
    if args.phase:
        phase(args.phase, Path(args.data), Path(args.state), args.new)
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="hot-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    data, state = folder / "month.json", folder / "state.npz"
    if not data.exists():
        started = time.perf_counter()
        month = generate(args.messages)
        data.write_text(json.dumps(month, ensure_ascii=False), encoding="utf-8")
        print(f"generated {len(month)} messages in {time.perf_counter() - started:.0f} s")
    for kind in ("full", "incremental"):
        command = [sys.executable, __file__, "--phase", kind, "--new", str(args.new)]
        subprocess.run([*command, "--data", str(data), "--state", str(state)], check=True)


if __name__ == "__main__":
    main()
