"""Re-encrypting personal data under the current data key, and finding what still needs an
old one (docs/operations.md, "Key rotation").

Every model field that stores ciphertext says so (``holds_ciphertext``); both commands
find them all, so a new encrypted field is covered without being listed here. Values are
read and written as the stored text, never through the field, so nothing else in a row
changes and no masked copy is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from jiceng.core import crypto

BATCH = 500


@dataclass
class KeyReport:
    """Counts per ``app.Model.field``: values seen, and those in each state."""

    scanned: int = 0
    changed: dict[str, int] = field(default_factory=dict)
    old_key: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)

    def add(self, counts: dict[str, int], label: str, number: int = 1) -> None:
        counts[label] = counts.get(label, 0) + number


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [
            f.name for f in model._meta.concrete_fields if getattr(f, "holds_ciphertext", False)
        ]
        if names:
            found.append((model, names))
    return found


def _batches(model: type[models.Model], names: list[str]) -> Iterator[list[tuple[int, list[str]]]]:
    """Rows by primary key, their stored ciphertext (Cast skips the field's decryption)."""
    raw = {f"raw_{name}": Cast(name, models.TextField()) for name in names}
    last = 0
    while True:
        rows = model._default_manager.filter(pk__gt=last).order_by("pk").annotate(**raw)
        batch = [
            (row[0], [value or "" for value in row[1:]])
            for row in rows.values_list("pk", *raw)[:BATCH]
        ]
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def keys_check() -> KeyReport:
    """Which stored values the current key alone cannot read, and which no key reads."""
    report = KeyReport()
    for model, names in encrypted_fields():
        for batch in _batches(model, names):
            for _pk, values in batch:
                for name, token in zip(names, values, strict=True):
                    report.scanned += 1
                    if crypto.readable_by_current_key(token):
                        continue
                    label = f"{model._meta.label}.{name}"
                    readable = crypto.readable_by_ring(token)
                    report.add(report.old_key if readable else report.unreadable, label)
    return report


def keys_reencrypt() -> KeyReport:
    """Rewrites every value an old key wrote under the current key, one batch per transaction.

    A value already under the current key is left alone, so a run that stopped half-way
    is finished by running it again. A value no configured key reads is counted and kept.
    """
    report = KeyReport()
    for model, names in encrypted_fields():
        for batch in _batches(model, names):
            with transaction.atomic():
                _reencrypt_rows(model, names, [pk for pk, _ in batch], report)
    return report


def _reencrypt_rows(
    model: type[models.Model], names: list[str], pks: list[int], report: KeyReport
) -> None:
    label = model._meta.label
    raw = {f"raw_{name}": Cast(name, models.TextField()) for name in names}
    rows = model._default_manager.filter(pk__in=pks).select_for_update().annotate(**raw)
    for pk, *values in rows.values_list("pk", *raw):
        updates: dict[str, models.Value] = {}
        for name, token in zip(names, values, strict=True):
            report.scanned += 1
            if not token or crypto.readable_by_current_key(token):
                continue
            if not crypto.readable_by_ring(token):
                report.add(report.unreadable, f"{label}.{name}")
                continue
            updates[name] = models.Value(crypto.reencrypt(token), models.TextField())
            report.add(report.changed, f"{label}.{name}")
        if updates:
            model._default_manager.filter(pk=pk).update(**updates)
