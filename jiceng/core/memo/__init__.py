"""Per-process memos, with one registry so that everything kept can be forgotten at once.

Where each kind of cached value lives:

- **Django's cache** (each process's memory by default; Redis, shared by every node,
  when ``JICENG_REDIS_URL`` is set): plain data that is worth sharing between nodes,
  pickled: the public rates board (``insights.board``), the dashboard's settled months
  (``insights.dashboard``) and the Open311 lists.
- **This module**: Python objects built from reference data (model instances, compiled
  queries, indexes, a loaded model) and read on hot paths. They cannot be pickled
  cheaply, and a round trip to Redis would cost about what the query they save costs.
  Each process may be a little behind another, bounded by the memo's time to live, or
  not at all when the key holds everything the value is built from:

  =========================== ================================== =========================
  memo                        holds                              fresh because
  =========================== ================================== =========================
  ``core.calendar``           holidays and make-up workdays      60 s; forgotten on edits
  ``people.intake_routes``    a village and its dispatch centre  300 s; forgotten when a
                                                                 division or unit is saved
  ``cases.township_names``    township names for the search      300 s (renames are rare)
                              index
  ``cases.category_model``    the category model                 keyed by the file
  ``cases.duplicate_indexes`` each county's duplicate index      it reads new cases itself
  ``api.reference.*``         categories, time limits, counties  60 s
                              served, dispatch centres' names
  ``api.key_users``           the service user behind an API key keyed by every column
                                                                 scoping reads
  ``api.page_queries``        compiled case-list queries         keyed by the scope and
                                                                 every filter
  ``notices.backends``        the channels' backends             keyed by the class's path
  ``knowledge.proposers``     each county's cited-answer sources 300 s; forgotten when a
                                                                 document or answer is saved
  ``core.replica_health``     whether the read replica may serve 2 s (this node's own view:
                                                                 not shared)
  ``insights.rolled_up``      the months read from rollups       30 s; forgotten when a
                                                                 month is rolled up
  =========================== ================================== =========================

  A forget reaches the other processes too (:mod:`jiceng.core.memo.shared`): it is
  counted in Django's cache, which every web node shares with Redis, and each process
  forgets what another forgot at its next request, at most a second later.

- **functools.cache** stays on pure functions whose result cannot change while the
  process lives (key derivation in ``core.crypto``, parsed proxy networks, insert plans,
  the source archive, text mining's dictionaries): there is nothing to forget.

Loads run outside the lock, so a slow load holds up no other key; two threads that miss
the same key at once both load it, and both get the value stored first. A load that
began before :meth:`Memo.forget` is not stored, so a forget is never undone by a late
load. The oldest entry makes room when a memo is full. A change of settings (which only
tests make) forgets every memo, as Django resets its own caches on ``setting_changed``:
memos built from settings, such as the notice backends, are then built again.
"""

from jiceng.core.memo.decorator import Memoized as Memoized
from jiceng.core.memo.decorator import memo as memo
from jiceng.core.memo.store import Memo as Memo
from jiceng.core.memo.store import forget_all as forget_all
from jiceng.core.memo.store import registered as registered
