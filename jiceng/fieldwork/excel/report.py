"""What an import did, and the error list a village office downloads to correct its file."""

from __future__ import annotations

from dataclasses import dataclass, field

from jiceng.core.exports import CellValue, Column, xlsx_bytes


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    households_created: int = 0
    people_created: int = 0
    people_updated: int = 0
    unchanged: int = 0
    skipped_rows: int = 0
    written: bool = False
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        if self.errors and not self.written:
            return (
                f"文件有 {len(self.errors)} 处错误，未导入任何数据。"
                "请下载错误清单，改正后重新导入。"
            )
        return (
            f"新建 {self.households_created} 户、{self.people_created} 人；"
            f"更新 {self.people_updated} 人；未变 {self.unchanged} 人；"
            f"跳过有错误的行 {self.skipped_rows} 行。"
        )

    def error_file(self) -> bytes:
        columns = [Column("行号", "integer"), Column("列"), Column("问题")]
        rows: list[list[CellValue]] = [[e.row, e.column, e.message] for e in self.errors]
        return xlsx_bytes(title="导入错误", columns=columns, rows=rows)
