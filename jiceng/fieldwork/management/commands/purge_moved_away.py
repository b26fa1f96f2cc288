"""``jiceng manage purge_moved_away [--years N]``: the retention rule for personal data."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from jiceng.people.services.retention import residents_purge_moved_away


class Command(BaseCommand):
    help = "Erase personal data of residents who moved away more than N years ago."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--years", type=int, default=getattr(settings, "JICENG_RETENTION_YEARS", 5)
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = residents_purge_moved_away(years=options["years"])
        self.stdout.write(f"Purged personal data of {count} resident(s).")
