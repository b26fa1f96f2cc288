"""``jiceng manage reindex_cases [--batch N] [--since-id ID]``: rebuild the full-text index.

Cases are indexed when they are written; this backfills cases written before
the index existed, or after the segmenter's dictionary changed.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from jiceng.cases import search
from jiceng.cases.models import Case


class Command(BaseCommand):
    help = "Rebuild the full-text search index of cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=1000, help="Cases per statement.")
        parser.add_argument(
            "--since-id", type=int, default=0, help="Only cases with a larger id (resume)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch"] < 1:
            raise CommandError(_("--batch must be a positive number."))
        started = time.perf_counter()
        count = search.reindex(
            Case.objects.filter(pk__gt=options["since_id"]), batch=options["batch"]
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            _("Indexed %(count)d case(s) in %(seconds).1f s.")
            % {"count": count, "seconds": seconds}
        )
