"""Households in and out of Excel, in the roster template village offices already keep.

One row per person; rows with the same 户号 are one household. The template,
its headers and the error report are Chinese by design: they are the village
office's own document, not part of the translated interface.

Import checks every row first. With errors, nothing is written unless the user
chose to import only the valid rows. Importing the same file again changes
nothing: households are keyed by 户号 within the village, people by ID number
within the household. The export masks names, phones and ID numbers, hides
health marks (残疾) and the note, and the shared writer neutralises anything a
spreadsheet would run as a formula.
"""

from jiceng.fieldwork.excel.blank import template_bytes as template_bytes
from jiceng.fieldwork.excel.blank import workbook as workbook
from jiceng.fieldwork.excel.exporting import households_export as households_export
from jiceng.fieldwork.excel.importing import households_import as households_import
from jiceng.fieldwork.excel.report import ImportReport as ImportReport
from jiceng.fieldwork.excel.report import RowError as RowError
from jiceng.fieldwork.excel.roster import HEADERS as HEADERS
