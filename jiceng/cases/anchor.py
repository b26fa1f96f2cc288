"""Anchors: signed checkpoints of every case's chain head, kept outside the database.

The chain proves that no event was changed, but a case's head lives in the same
database: whoever deletes a case with all its events, or cuts its last events and
resets its head, leaves a chain that still adds up. An anchor written earlier and
kept elsewhere remembers each case's number, version and head, so the verifier
can name every case deleted, inserted or rolled back since (docs/history.md).

An anchor is JSON Lines, so it is written and read as a stream:

- a header ``{"format": "jiceng-anchor/1", "at": ...}``;
- one line ``[id, number, version, head]`` per case, in id order;
- a footer ``{"cases", "max_case_id", "root", "signature"}``: ``root`` is the
  Merkle root (RFC 6962 shape) over the case lines, short enough to print or
  deposit with a notarisation service; ``signature`` is an HMAC, under a key
  derived for this purpose only, of every byte before the footer and the footer's
  other fields.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.db.models import Max
from django.utils import timezone

from jiceng.cases.models import Case
from jiceng.core import clock, hashchain
from jiceng.core.crypto import anchor_key

FORMAT = "jiceng-anchor/1"
# Cases younger than this are left to the next anchor: a case whose transaction is still
# open has an id but no row yet, and must not look "inserted" when it commits after the scan.
SETTLE = timedelta(minutes=10)


@dataclass(frozen=True)
class AnchorEntry:
    case_id: int
    number: str
    version: int
    head: str


@dataclass(frozen=True)
class AnchorSummary:
    at: datetime
    cases: int
    max_case_id: int
    root: str


def _leaf(entry: list[Any]) -> bytes:
    return hashlib.sha256(b"\x00" + hashchain.canonical({"case": entry})).digest()


class _Merkle:
    """A Merkle root built as leaves arrive: only one node per level is held."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, bytes]] = []  # (leaves under the node, node hash)

    def add(self, leaf: bytes) -> None:
        size, node = 1, leaf
        while self._stack and self._stack[-1][0] == size:
            _, left = self._stack.pop()
            size, node = size * 2, hashlib.sha256(b"\x01" + left + node).digest()
        self._stack.append((size, node))

    def root(self) -> str:
        if not self._stack:
            return hashlib.sha256(b"").hexdigest()
        node = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            node = hashlib.sha256(b"\x01" + left + node).digest()
        return node.hex()


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _signature(signed: Any, footer: dict[str, Any]) -> str:
    mac = signed.copy()
    mac.update(hashchain.canonical(footer))
    return str(mac.hexdigest())


def write_anchor(out: IO[bytes], *, settle: timedelta = SETTLE) -> AnchorSummary:
    """Write an anchor of every settled case to ``out``; what it says in brief."""
    at = clock.now()
    settled = Case.objects.filter(submitted_at__lt=at - settle).aggregate(last=Max("pk"))["last"]
    mac, tree, count = hmac.new(anchor_key(), digestmod=hashlib.sha256), _Merkle(), 0
    header = _line({"format": FORMAT, "at": at.isoformat(timespec="microseconds")})
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
        line = _line(entry)
        mac.update(line)
        out.write(line)
        tree.add(_leaf(entry))
        count += 1
    root = tree.root()
    footer = {"cases": count, "max_case_id": settled or 0, "root": root}
    out.write(_line({**footer, "signature": _signature(mac, footer)}))
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


class AnchorReader:
    """The case lines of an anchor file, read as a stream and checked as they pass.

    After the last entry, ``problem`` says what is wrong with the file itself, if
    anything: its signature, its root, or its shape. ``summary`` is its footer.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem = ""
        self.summary: AnchorSummary | None = None

    def __iter__(self) -> Iterator[AnchorEntry]:
        mac, tree = hmac.new(anchor_key(), digestmod=hashlib.sha256), _Merkle()
        count, last_id, at = 0, 0, None
        with self.path.open("rb") as lines:
            for number, line in enumerate(lines):
                value = _parse(line)
                if number == 0:
                    at = _header_time(value)
                    if at is None:
                        break
                elif isinstance(value, dict):
                    self._finish(value, mac, tree, (count, last_id, at))
                    return
                elif _is_entry(value) and value[0] > last_id:
                    tree.add(_leaf(value))
                    count, last_id = count + 1, value[0]
                    yield AnchorEntry(*value)
                else:
                    break
                mac.update(line)
        self.problem = "anchor unreadable"

    def _finish(
        self, footer: dict[str, Any], mac: Any, tree: _Merkle, seen: tuple[int, int, Any]
    ) -> None:
        count, _, at = seen
        fields = {k: footer.get(k) for k in ("cases", "max_case_id", "root")}
        if not hmac.compare_digest(str(footer.get("signature")), _signature(mac, fields)):
            self.problem = "anchor signature invalid"
        elif fields != {"cases": count, "max_case_id": fields["max_case_id"], "root": tree.root()}:
            self.problem = "anchor root mismatch"
        else:
            self.summary = AnchorSummary(at, count, int(fields["max_case_id"] or 0), tree.root())


def _parse(line: bytes) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _header_time(value: Any) -> datetime | None:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        return None
    try:
        return datetime.fromisoformat(str(value.get("at")))
    except ValueError:
        return None


def _is_entry(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 4
        and isinstance(value[0], int)
        and isinstance(value[1], str)
        and isinstance(value[2], int)
        and isinstance(value[3], str)
    )
