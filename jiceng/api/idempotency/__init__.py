"""Safe retries: a POST with an ``Idempotency-Key`` is answered once and replayed after.

The first request with a key claims it: it inserts the key's row, marked in
progress, and commits that at once, so the unique constraint on (scope, key)
lets exactly one request in. The work and the stored answer are then
committed in one transaction. Requests with the same key that arrive
meanwhile wait for that answer and replay it; only if the first is still
running after ``WAIT_SECONDS`` do they get a 409 "still in progress, retry".
A first attempt that is refused lets go of its claim, so a retry runs afresh;
a claim left by a crashed process is taken over after ``ABANDONED_AFTER``.
"""

from jiceng.api.idempotency.claims import IN_PROGRESS as IN_PROGRESS
from jiceng.api.idempotency.claims import idempotent as idempotent
from jiceng.api.idempotency.identity import request_hash as request_hash
from jiceng.api.idempotency.identity import scope_of as scope_of
from jiceng.api.idempotency.prune import idempotency_prune as idempotency_prune
from jiceng.api.idempotency.refusals import KeyInProgress as KeyInProgress
from jiceng.api.idempotency.refusals import KeyReused as KeyReused
