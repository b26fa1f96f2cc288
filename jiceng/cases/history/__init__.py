"""A case's hash-chained history: appending events (:mod:`.append`) and what the chain
covers (:mod:`.chain`). Verification lives in :mod:`jiceng.cases.verification`."""

from jiceng.cases.history.append import append as append
from jiceng.cases.history.append import event_recorded as event_recorded
from jiceng.cases.history.chain import CHAINED_FIELDS as CHAINED_FIELDS
from jiceng.cases.history.chain import UNCHAINED_FIELDS as UNCHAINED_FIELDS
from jiceng.cases.history.chain import ChainedEvent as ChainedEvent
from jiceng.cases.history.chain import case_digest as case_digest
from jiceng.cases.history.chain import payload as payload
