"""Importing past replies: the consultations a centre answered before it used Jiceng.

A CSV or Excel sheet with a header row naming, in Chinese or English, the number,
title, question and reply columns (the 12345 export format of teddy2020 附件4 works
as it is). Importing again updates rows by number; phone and ID numbers are masked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from openpyxl import load_workbook

from jiceng.core import clock, pii
from jiceng.core.errors import InvalidInput
from jiceng.knowledge import sources
from jiceng.knowledge.models import PastReply
from jiceng.places.models import Division

COLUMNS = {
    "reference": ("留言编号", "编号", "工单编号", "number"),
    "title": ("留言主题", "主题", "标题", "title"),
    "question": ("留言详情", "详情", "内容", "诉求内容", "question"),
    "reply": ("答复意见", "答复", "办理结果", "reply"),
    "replied_on": ("答复时间", "办结时间", "replied_on"),
}


@dataclass
class Report:
    saved: int = 0
    skipped: list[str] = field(default_factory=list)  # "第N行：why", in Chinese


def read_rows(path: Path) -> list[list[str]]:
    """The sheet's cells as text, header row first."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return list(csv.reader(io.StringIO(raw.decode(encoding))))
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"无法读取 {path.name}：请保存为 UTF-8 或 GBK 编码的 CSV，或 xlsx。")


def _header(cells: list[str]) -> dict[str, int]:
    names = [c.strip() for c in cells]
    found = {
        key: next((names.index(n) for n in options if n in names), -1)
        for key, options in COLUMNS.items()
    }
    missing = [COLUMNS[key][0] for key in ("reference", "question", "reply") if found[key] < 0]
    if missing:
        raise InvalidInput(f"第1行缺少列：{'、'.join(missing)}。")
    return found


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u3000\xa0]*\n\s*", "\n", text.replace("\xa0", " ")).strip()


def _date(text: str) -> date | None:
    match = re.match(r"\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})", text)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _check_scope(scope: str) -> None:
    if not Division.objects.filter(code=scope).exists():
        raise InvalidInput(
            f"没有代码为 {scope} 的区划。请先运行 jiceng import-divisions 导入区划。"
        )


@transaction.atomic
def replies_import(*, rows: list[list[str]], scope: str) -> Report:
    """Save each row with a number, a question and a reply as a past reply of ``scope``."""
    _check_scope(scope)
    if not rows:
        raise InvalidInput("文件是空的。")
    column = _header(rows[0])
    report, now = Report(), clock.now()
    for line, cells in enumerate(rows[1:], start=2):
        value = {k: _clean(cells[i]) if 0 <= i < len(cells) else "" for k, i in column.items()}
        if not (value["reference"] and value["question"] and value["reply"]):
            report.skipped.append(f"第{line}行：编号、留言详情和答复意见都不能为空。")
            continue
        PastReply.objects.update_or_create(
            scope=scope,
            reference=value["reference"][:40],
            defaults={
                "title": pii.mask_text(value["title"] or value["question"][:60])[:200],
                "question": pii.mask_text(value["question"]),
                "reply": pii.mask_text(value["reply"]),
                "replied_on": _date(value["replied_on"]),
                "imported_at": now,
            },
        )
        report.saved += 1
    transaction.on_commit(sources.forget)
    return report
