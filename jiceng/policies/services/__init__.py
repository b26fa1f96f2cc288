"""Policies find people: save a policy (:mod:`.authoring`), match it (:mod:`.matching`),
record what came of the outreach (:mod:`.outreach`)."""

from jiceng.policies.services.authoring import AUTHOR_ROLES as AUTHOR_ROLES
from jiceng.policies.services.authoring import POLICY_TEXT_FIELDS as POLICY_TEXT_FIELDS
from jiceng.policies.services.authoring import is_policy_admin as is_policy_admin
from jiceng.policies.services.authoring import may_author_rule as may_author_rule
from jiceng.policies.services.authoring import policy_rule_set as policy_rule_set
from jiceng.policies.services.authoring import policy_save as policy_save
from jiceng.policies.services.matching import Match as Match
from jiceng.policies.services.matching import active_policies as active_policies
from jiceng.policies.services.matching import policy_matches as policy_matches
from jiceng.policies.services.outreach import OUTREACH_COLUMNS as OUTREACH_COLUMNS
from jiceng.policies.services.outreach import outreach_record as outreach_record
from jiceng.policies.services.outreach import policies_match as policies_match
