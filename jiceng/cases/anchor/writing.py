"""Writing an anchor of every settled case: to a stream, a file, or today's file."""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import IO

from django.db.models import Max
from django.utils import timezone

from jiceng.cases.anchor.lines import FORMAT, AnchorSummary, Merkle, leaf, line_of, signature
from jiceng.cases.models import Case
from jiceng.core import clock
from jiceng.core.crypto import anchor_key

# Cases younger than this are left to the next anchor: a case whose transaction is still
# open has an id but no row yet, and must not look "inserted" when it commits after the scan.
SETTLE = timedelta(minutes=10)


def write_anchor(out: IO[bytes], *, settle: timedelta = SETTLE) -> AnchorSummary:
    """Write an anchor of every settled case to ``out``; what it says in brief."""
    at = clock.now()
    settled = Case.objects.filter(submitted_at__lt=at - settle).aggregate(last=Max("pk"))["last"]
    mac, tree, count = hmac.new(anchor_key(), digestmod=hashlib.sha256), Merkle(), 0
    header = line_of({"format": FORMAT, "at": at.isoformat(timespec="microseconds")})
    mac.update(header)
    out.write(header)
    heads = (
        Case.objects.filter(pk__lte=settled or 0)
        .order_by("pk")
        .values_list("pk", "number", "version", "head_hash")
        .iterator(chunk_size=2000)
    )
    for case_id, number, version, head in heads:
        entry = [case_id, number or "", version, head]
        line = line_of(entry)
        mac.update(line)
        out.write(line)
        tree.add(leaf(entry))
        count += 1
    root = tree.root()
    footer = {"cases": count, "max_case_id": settled or 0, "root": root}
    out.write(line_of({**footer, "signature": signature(mac, footer)}))
    return AnchorSummary(at, count, settled or 0, root)


def write_anchor_file(path: Path, *, settle: timedelta = SETTLE) -> AnchorSummary:
    """Write an anchor to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".anchor-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            summary = write_anchor(out, settle=settle)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return summary


def daily_anchor(directory: Path) -> Path | None:
    """Today's anchor in ``directory`` (``anchor-YYYY-MM-DD.jsonl``); None if it already exists.

    Every worker may call this: the first one to finish writes the day's file, and a
    failed attempt leaves no file, so the next call tries again.
    """
    path = directory / f"anchor-{timezone.localdate(clock.now()):%Y-%m-%d}.jsonl"
    if path.exists():
        return None
    write_anchor_file(path)
    return path
