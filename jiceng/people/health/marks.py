"""Health marks as fixed-width text: encoded before encryption, decoded after."""

from __future__ import annotations

from collections.abc import Iterable

# Append new marks at the end: the stored text is positional, and older rows
# (shorter) read the missing positions as "no".
HEALTH_FLAGS: tuple[str, ...] = ("disability",)
_VERSION = "h1:"

HealthFlags = frozenset[str]
NONE: HealthFlags = frozenset()


def encode(flags: Iterable[str]) -> str:
    """Fixed-width text, e.g. ``h1:1`` (disability) or ``h1:0`` (none)."""
    chosen = set(flags)
    unknown = chosen - set(HEALTH_FLAGS)
    if unknown:
        raise ValueError(f"unknown health marks: {sorted(unknown)}")
    return _VERSION + "".join("1" if name in chosen else "0" for name in HEALTH_FLAGS)


def decode(text: str) -> HealthFlags:
    if not text:
        return NONE
    if not text.startswith(_VERSION):
        raise ValueError("not a health-marks value")
    bits = text[len(_VERSION) :]
    return frozenset(name for name, bit in zip(HEALTH_FLAGS, bits, strict=False) if bit == "1")


def with_flag(flags: HealthFlags, name: str, on: bool) -> HealthFlags:
    if name not in HEALTH_FLAGS:
        raise ValueError(f"unknown health mark {name!r}")
    return flags | {name} if on else flags - {name}
