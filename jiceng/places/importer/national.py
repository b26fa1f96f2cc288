"""The five national divisions files, found in a folder and imported parents first."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.places.importer.report import ImportReport
from jiceng.places.importer.run import import_divisions

# The order import_all uses, so parents are stored before their children.
NATIONAL_FILES = ("provinces", "cities", "areas", "streets", "villages")


def national_files(folder: Path) -> list[Path]:
    """The five national files in import order, each ``NAME.csv.gz`` or ``NAME.csv``."""
    found, missing = [], []
    for name in NATIONAL_FILES:
        candidates = [folder / f"{name}.csv.gz", folder / f"{name}.csv"]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            missing.append(f"{name}.csv.gz")
        else:
            found.append(path)
    if missing:
        message = _("%(folder)s lacks %(files)s.") % {"folder": folder, "files": ", ".join(missing)}
        raise InvalidInput(message, field="folder")
    return found


def import_all(folder: Path, *, scope: str | None = None) -> list[ImportReport]:
    """Import the five national files in ``folder``, parents first; all or nothing."""
    paths = national_files(folder)
    # One transaction: a bad villages file also undoes the levels before it.
    with transaction.atomic():
        return [import_divisions(path, scope=scope) for path in paths]
