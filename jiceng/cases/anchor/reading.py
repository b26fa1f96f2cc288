"""Reading an anchor back as a stream, checking its shape, root and signature."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from jiceng.cases.anchor.lines import FORMAT, AnchorEntry, AnchorSummary, Merkle, leaf, signature
from jiceng.core.crypto import anchor_key


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
        mac, tree = hmac.new(anchor_key(), digestmod=hashlib.sha256), Merkle()
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
                    tree.add(leaf(value))
                    count, last_id = count + 1, value[0]
                    yield AnchorEntry(*value)
                else:
                    break
                mac.update(line)
        self.problem = "anchor unreadable"

    def _finish(
        self, footer: dict[str, Any], mac: Any, tree: Merkle, seen: tuple[int, int, Any]
    ) -> None:
        count, _, at = seen
        fields = {k: footer.get(k) for k in ("cases", "max_case_id", "root")}
        if not hmac.compare_digest(str(footer.get("signature")), signature(mac, fields)):
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
