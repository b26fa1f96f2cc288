"""Read a holiday calendar file (CSV or JSON) and check every row before anything is written.

CSV: a header line ``date,kind,name`` with optional ``provisional`` and ``source``
columns, then one day per line. JSON: a list of objects with the same keys, or an
object ``{"source": "...", "days": [...]}``. ``kind`` is ``holiday`` (a statutory
rest day) or ``workday`` (a make-up workday on a weekend); ``provisional`` is
true/false (default false). Every bad row is reported with its line (CSV) or entry
number (JSON) and field; a file with any error is refused whole.
"""

from jiceng.core.calendar_file.days import Day as Day
from jiceng.core.calendar_file.errors import CalendarFileError as CalendarFileError
from jiceng.core.calendar_file.reading import read_calendar_file as read_calendar_file
