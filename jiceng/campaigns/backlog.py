"""旧账: importing existing unresolved cases from Excel, with their original dates.

One row per case, headers in Chinese (the centre's own ledger): 原编号, 受理日期, 类别,
村居代码, 标题, 诉求内容, 地址, 联系人, 联系电话. Every row is checked first; with any
error nothing is written, and each error names its row (Excel's numbering) in Chinese.
Each case goes through ``cases.services.case_import`` (its history starts at the import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from jiceng.campaigns.models import Campaign
from jiceng.campaigns.services import campaign_link
from jiceng.cases.models import Case, Category
from jiceng.cases.services import case_import
from jiceng.core.errors import InvalidInput, JicengError
from jiceng.core.exports import Column, xlsx_bytes
from jiceng.people.models import User

HEADERS = [
    "原编号",
    "受理日期",
    "类别",
    "村居代码",
    "标题",
    "诉求内容",
    "地址",
    "联系人",
    "联系电话",
]
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行：{self.message}"


def template() -> bytes:
    """The empty workbook to fill in."""
    return xlsx_bytes(title="旧账", columns=[Column(header) for header in HEADERS], rows=[])


def _rows(file: IO[bytes]) -> list[tuple[int, dict[str, Any]]]:
    sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    headers = [str(cell or "").strip() for cell in next(lines, ())]
    missing = [h for h in HEADERS if h not in headers]
    if missing:
        raise InvalidInput("缺少列：" + "、".join(missing), field="file")
    found = []
    for number, line in enumerate(lines, start=2):
        if any(cell not in (None, "") for cell in line):
            found.append((number, dict(zip(headers, line, strict=False))))
    if len(found) > MAX_ROWS:
        raise InvalidInput(f"一次最多导入 {MAX_ROWS} 行。", field="file")
    return found


def _date(value: Any) -> datetime:
    if isinstance(value, datetime):
        day = value
    elif isinstance(value, date):
        day = datetime.combine(value, time(9))
    else:
        parsed = datetime.strptime(str(value).strip()[:10], "%Y-%m-%d")  # noqa: DTZ007 - made aware below
        day = datetime.combine(parsed.date(), time(9))
    return (
        timezone.make_aware(day, timezone.get_current_timezone()) if timezone.is_naive(day) else day
    )


def _fields(row: dict[str, Any], categories: dict[str, Category]) -> dict[str, Any]:
    def text(name: str) -> str:
        return str(row.get(name) or "").strip()

    category = categories.get(text("类别"))
    if category is None:
        raise InvalidInput("类别不存在：" + (text("类别") or "（空）"))
    try:
        submitted = _date(row.get("受理日期"))
    except ValueError:
        raise InvalidInput("受理日期应为 2024-05-01 这样的日期。") from None
    return {
        "category": category,
        "submitted_at": submitted,
        "division_code": text("村居代码"),
        "title": text("标题"),
        "description": text("诉求内容"),
        "address": text("地址"),
        "contact_name": text("联系人"),
        "contact_phone": text("联系电话"),
        "original_number": text("原编号"),
    }


def import_backlog(
    *, file: IO[bytes], by: User, campaign: Campaign | None = None
) -> tuple[list[Case], list[RowError]]:
    """Import every row, or none when any row has an error; link them to ``campaign``."""
    categories = {c.name: c for c in Category.objects.all()} | {
        c.code: c for c in Category.objects.all()
    }
    rows = _rows(file)
    errors: list[RowError] = []
    cases: list[Case] = []
    with transaction.atomic():
        for number, row in rows:
            try:
                with transaction.atomic():
                    cases.append(case_import(by=by, **_fields(row, categories)))
            except JicengError as error:
                errors.append(RowError(number, error.message))
        if errors:
            transaction.set_rollback(True)
            return [], errors
        if campaign is not None:
            campaign_link(campaign=campaign, cases=cases, by=by)
    return cases, errors
