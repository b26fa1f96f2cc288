"""What ``jiceng keys reencrypt`` and ``jiceng keys check`` print, and their exit codes."""

from __future__ import annotations


def reencrypt_report() -> int:
    from jiceng.core.keys import keys_reencrypt

    report = keys_reencrypt()
    for label, count in sorted(report.changed.items()):
        print(f"{label}: {count} re-encrypted")
    for label, count in sorted(report.unreadable.items()):
        print(f"{label}: {count} readable by no configured key, left as they are")
    changed = sum(report.changed.values())
    print(f"re-encrypted {changed} of {report.scanned} stored values under the current key")
    return 1 if report.unreadable else 0


def check_report() -> int:
    from jiceng.core.keys import keys_check

    report = keys_check()
    for label, count in sorted(report.old_key.items()):
        print(f"{label}: {count} need an old key")
    for label, count in sorted(report.unreadable.items()):
        print(f"{label}: {count} readable by no configured key")
    old, lost = sum(report.old_key.values()), sum(report.unreadable.values())
    print(
        f"checked {report.scanned} stored values: {old} need an old key, "
        f"{lost} readable by no configured key"
    )
    if old == 0 and lost == 0:
        print("every value reads with the current key alone: old keys can be dropped")
    return 0 if old == 0 and lost == 0 else 1
