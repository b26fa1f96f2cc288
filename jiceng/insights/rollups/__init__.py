"""Rollups of the three rates: per unit and month, kept by the worker, read by the pages.

**One definition.** A cell holds what :func:`jiceng.insights.rates.counting.count_work`
counts for one unit in one month (clocks, clocks answered in time, ratings, solved,
satisfied, basically satisfied). Cells are only ever written from that function, for a
whole unit-month at a time, so the rollups and a full recount cannot disagree about what
a rate means; ``jiceng rollups check`` compares the two.

**Why the worker and not the write.** A clock counts in the month it started, but it is
answered by the case's next response, which may come weeks later; a write-time counter
would have to restate "what answers a clock" beside ``rates.clocks``. Instead the worker
(``refresh``) recounts the cells of every case touched since its watermark: the clock
cells and the rating cells of those cases. The watermark is the last event and rating id
seen plus a time overlap (``OVERLAP``), so a transaction that committed late, with an id
below the watermark, is still seen on the next run. Recounting a cell twice is harmless.

**Coverage.** A month is read from the cells once it has a :class:`RateMonth` row (a full
rebuild, or the worker carrying a complete month forward). Any other month is counted
from the events on every read, as before: nothing is ever missing, only slower.

**Staleness.** Figures from cells are at most one worker period old
(``jiceng worker --rollups-minutes``, default 5) plus the time a refresh takes.

**Received.** The dashboard's "received this month" is rolled up beside them, per place
and month (``received``): a case's place and date never change, so its cell is recounted
when the worker first sees the case's ``submit`` event.

``models`` (the cells), ``cells`` (writing cells by recount), ``refresh`` (the worker's job
and the full rebuild), ``reading`` (what ``rates.months`` reads), ``received`` and ``check``.
"""
