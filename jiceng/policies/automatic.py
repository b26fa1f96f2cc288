"""Policy matching runs by itself: when a rule is saved, when a roster is imported, nightly.

Each trigger enqueues a task once its transaction commits; the task runs the same
matching as ``jiceng policies match`` and opens outreach items for new people only, so
a run that finds nobody new changes nothing and two runs at once open nothing twice
(``_open_outreach`` inserts with ON CONFLICT DO NOTHING). New items appear in the
village's outreach list, marked new, for its cadres and grid workers.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from jiceng.core import clock
from jiceng.policies.services import policies_match

# The nightly run starts in the first worker tick after 02:00 local time, once a day.
NIGHT_HOURS = range(2, 6)
NIGHTLY_KEY = "policies:nightly:{day}"


@task()
def match_policy_task(policy_code: str = "", within: str = "") -> int:
    """Match one policy (or all) in ``within`` (or everywhere); how many people qualify."""
    return len(policies_match(policy_code=policy_code, within=within))


def rule_saved(policy_code: str) -> None:
    """A policy's rule changed (or the policy is new): match it once the change commits."""
    transaction.on_commit(lambda: match_policy_task.enqueue(policy_code, ""))


def roster_imported(village: str) -> None:
    """A village's roster changed: match every active policy in the village."""
    transaction.on_commit(lambda: match_policy_task.enqueue("", village))


def enqueue_nightly_matching() -> bool:
    """Called every hour by ``jiceng worker``: enqueue the full run once a night.

    The day's key is taken with an atomic ``add``; with a shared cache (Redis) one worker
    takes it; with each process's own cache each worker may run it, which is harmless.
    """
    now = timezone.localtime(clock.now())
    if now.hour not in NIGHT_HOURS:
        return False
    key = NIGHTLY_KEY.format(day=now.date().isoformat())
    if not cache.add(key, True, timeout=int(timedelta(days=2).total_seconds())):
        return False
    match_policy_task.enqueue("", "")
    return True
