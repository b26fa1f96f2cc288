"""Tables out to Excel (.xlsx) and CSV, safe to open in a spreadsheet.

Text that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading ``'`` so it
stays text: a resident's title like ``=HYPERLINK(...)`` must never run on a
cadre's computer (OWASP "CSV injection"). Numbers stay numbers.
"""

from jiceng.core.exports.cells import DECIMAL as DECIMAL
from jiceng.core.exports.cells import FORMULA_STARTS as FORMULA_STARTS
from jiceng.core.exports.cells import INTEGER as INTEGER
from jiceng.core.exports.cells import PERCENT as PERCENT
from jiceng.core.exports.cells import TEXT as TEXT
from jiceng.core.exports.cells import CellValue as CellValue
from jiceng.core.exports.cells import Column as Column
from jiceng.core.exports.cells import neutralise as neutralise
from jiceng.core.exports.csv_file import csv_bytes as csv_bytes
from jiceng.core.exports.xlsx_file import XLSX_FORMATS as XLSX_FORMATS
from jiceng.core.exports.xlsx_file import sheet_title as sheet_title
from jiceng.core.exports.xlsx_file import xlsx_bytes as xlsx_bytes
