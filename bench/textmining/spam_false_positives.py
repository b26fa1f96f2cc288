"""Spam false positives on real messages (and the replies) of the three Teddy Cup files.

    .venv/bin/python bench/textmining/spam_false_positives.py

Every message here is a real citizen's message, so every flag is a false positive.
"""

from __future__ import annotations

from _data import raw_text, rows

from jiceng.textmining.spam import check_spam


def main() -> None:
    total = flagged = 0
    highest: list[tuple[float, str]] = []
    for name in ("sample_raw_labeled.csv", "hot_issues_附件3.csv", "replies_附件4.csv"):
        data = rows(name)
        verdicts = [check_spam(raw_text(r)) for r in data]
        hits = sum(v.spam for v in verdicts)
        total, flagged = total + len(data), flagged + hits
        print(f"{name}: {hits} of {len(data)} messages flagged ({hits / len(data):.2%})")
        highest += [(v.score, r["留言主题"]) for v, r in zip(verdicts, data, strict=True)]
        if "答复意见" in data[0]:
            replies = sum(check_spam(r["答复意见"]).spam for r in data)
            print(f"{name}: {replies} of {len(data)} official replies flagged")
    print(f"all messages: {flagged} of {total} flagged ({flagged / total:.2%})")
    print("highest scores:", sorted(highest, reverse=True)[:3])


if __name__ == "__main__":
    main()
