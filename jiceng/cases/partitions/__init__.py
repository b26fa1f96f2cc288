"""Month partitions of the case history on PostgreSQL (docs/partitions.md).

Migration 0012 makes ``cases_caseevent`` and ``cases_rating`` partitioned by range of
``at``, one partition per local month plus a default one. ``ensure`` makes the months
ahead (the worker runs it daily), ``detach`` takes the oldest month out for archiving.
On SQLite there are no partitions and both say so.
"""

from jiceng.cases.partitions.detach import detach as detach
from jiceng.cases.partitions.ensure import ensure as ensure
from jiceng.cases.partitions.months import Month as Month
from jiceng.cases.partitions.tables import NotPartitioned as NotPartitioned
