"""``jiceng manage import_replies FILE --scope CODE``: past replies into the knowledge base.

The documents these replies cite are then proposed, with the replies as their sources,
on consultations like the ones they answered (jiceng/knowledge/replies.py has the format).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jiceng.core.errors import InvalidInput
from jiceng.knowledge.replies import read_rows, replies_import


class Command(BaseCommand):
    help = "Import answered consultations with their official replies (CSV or xlsx)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--scope", required=True, help="Division code where the replies apply (the county)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}。")
        try:
            report = replies_import(rows=read_rows(path), scope=options["scope"])
        except InvalidInput as error:
            raise CommandError(error.message) from error
        for problem in report.skipped:
            self.stderr.write(problem)
        self.stdout.write(f"已导入 {report.saved} 条答复，跳过 {len(report.skipped)} 行。")
