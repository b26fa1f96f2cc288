"""What a divisions file's header says: where the parent code is, which level it holds."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from jiceng.places.models import Level

# Deepest first: a villages file also carries provinceCode, cityCode and areaCode.
LEVEL_BY_PARENT_COLUMN: dict[str, str] = {
    "streetcode": Level.VILLAGE,
    "areacode": Level.TOWNSHIP,
    "citycode": Level.COUNTY,
    "provincecode": Level.CITY,
}
GENERIC_PARENT_COLUMN = "parentcode"


@dataclass(frozen=True)
class Layout:
    """Where a file keeps the parent code, and the level its header promises."""

    level: str | None  # None: a generic file, level by code length
    parent_column: str  # as spelt in the header; "" for a provinces file
    parent_index: int  # 0: no parent column (row[0] is the code, never a parent)

    @property
    def width(self) -> int:
        """How many columns a row needs."""
        return max(2, self.parent_index + 1)


def layout_of(header: list[str] | None) -> Layout | None:
    if not header:
        return None
    names = [cell.strip().lower() for cell in header]
    if names[:2] != ["code", "name"]:
        return None
    if GENERIC_PARENT_COLUMN in names:
        index = names.index(GENERIC_PARENT_COLUMN)
        return Layout(level=None, parent_column=header[index].strip(), parent_index=index)
    for column, level in LEVEL_BY_PARENT_COLUMN.items():
        if column in names:
            index = names.index(column)
            return Layout(level=level, parent_column=header[index].strip(), parent_index=index)
    return Layout(level=Level.PROVINCE, parent_column="", parent_index=0)


def header_message(header: list[str] | None) -> str:
    return _(
        "Expected a header starting with code,name and then parentCode, or one of "
        "streetCode, areaCode, cityCode, provinceCode, or nothing for provinces; "
        "found “%(found)s”."
    ) % {"found": ",".join(header or [])}
