"""Policies (政策找人): the library, who receives what, and outreach to who should."""

from jiceng.policies.models.benefit import Benefit as Benefit
from jiceng.policies.models.outreach import CLOSED_OUTCOMES as CLOSED_OUTCOMES
from jiceng.policies.models.outreach import Outcome as Outcome
from jiceng.policies.models.outreach import Outreach as Outreach
from jiceng.policies.models.policy import Policy as Policy
from jiceng.policies.models.policy import PolicyRuleChange as PolicyRuleChange
