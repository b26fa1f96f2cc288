"""Policy matching runs by itself: when a rule is saved, when a roster is imported, nightly.

Each trigger enqueues a task once its transaction commits (the nightly one is in
``policies.nightly``); the task runs the same matching as ``jiceng policies match`` and
opens outreach items for new people only, so a run that finds nobody new changes
nothing and two runs at once open nothing twice
(``_open_outreach`` inserts with ON CONFLICT DO NOTHING). New items appear in the
village's outreach list, marked new, for its cadres and grid workers.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from jiceng.policies.services import policies_match


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
