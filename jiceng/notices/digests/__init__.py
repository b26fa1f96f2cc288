"""Digests: many cases at once arrive as one message, not a flood.

* A dispatch centre hears of the requests waiting for dispatch as one inbox message per
  round, when new ones came in since its last digest.
* A staff member who asked for SMS or email gets one message summing up the unread
  messages of their unit's inbox since their last digest (emergencies go at once, see
  ``notices.events``).

``run_digests`` runs from ``jiceng worker`` every JICENG_DIGEST_MINUTES. Running it from
two workers at once writes nothing twice: each digest's key names its unit (or user) and
the round, and the outbox keeps one row per key.
"""

from jiceng.notices.digests.centre import centre_digests as centre_digests
from jiceng.notices.digests.running import DigestReport as DigestReport
from jiceng.notices.digests.running import run_digests as run_digests
from jiceng.notices.digests.staff import staff_digests as staff_digests
