"""Writing to the outbox and draining it.

Writing (:mod:`.writing`) happens inside the transaction of the change that causes the
message, so the message exists exactly when the change does. Draining (:mod:`.draining`)
runs in ``jiceng worker``, any number of them at once:

1. *Claim* a batch (:mod:`.claiming`) with one conditional UPDATE that stamps the rows with
   this drain's lease token, then read back the rows carrying the token. Two drains never
   hold the same row; a drain that dies leaves its rows to be claimed again when the lease ends.
2. *Check* each row (:mod:`.preparing`, :mod:`.policy`): still relevant, not in quiet hours,
   not opted out, not over the per-phone daily limit, and the recipient has an address on
   this channel.
3. *Send* per channel through its backend, with the message's idempotency key.
4. *Mark* the outcome (:mod:`.marking`): sent (or delivered), tried again later with
   exponential backoff (:mod:`.backoff`), or failed with its reason.

A crash between 3 and 4 sends the message again when its lease ends: a gateway that
takes the idempotency key drops the copy; others may deliver it twice (at most once
more, since the lease is longer than any send). docs/notifications.md says which.
"""

from jiceng.notices.outbox.claiming import BATCH as BATCH
from jiceng.notices.outbox.drain_report import DrainReport as DrainReport
from jiceng.notices.outbox.draining import drain as drain
from jiceng.notices.outbox.draining import drain_all as drain_all
from jiceng.notices.outbox.policy import MOBILE as MOBILE
from jiceng.notices.outbox.receipts import record_receipt as record_receipt
from jiceng.notices.outbox.worded import text as text
from jiceng.notices.outbox.worded import wording as wording
from jiceng.notices.outbox.writing import message as message
from jiceng.notices.outbox.writing import plan as plan
