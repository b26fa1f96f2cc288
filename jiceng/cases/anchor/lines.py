"""What an anchor's lines hold, and how they are hashed and signed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jiceng.core import hashchain

FORMAT = "jiceng-anchor/1"


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


def leaf(entry: list[Any]) -> bytes:
    return hashlib.sha256(b"\x00" + hashchain.canonical({"case": entry})).digest()


class Merkle:
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


def line_of(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def signature(signed: Any, footer: dict[str, Any]) -> str:
    mac = signed.copy()
    mac.update(hashchain.canonical(footer))
    return str(mac.hexdigest())
