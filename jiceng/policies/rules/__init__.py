"""Eligibility rules: structured conditions over a person and their household.

A rule is JSON, built in a form and never in code::

    {"all": [{"field": "age", "op": ">=", "value": 80},
             {"field": "hukou", "op": "in", "value": "330681"}]}

``all`` and ``any`` nest. A rule compiles to one database filter (fast over
100,000 people); the reasons shown to a cadre are worked out afterwards, only
for the people who matched.

Health marks (disability) are encrypted, so SQL cannot test them. The filter
treats such a condition as "maybe" (true), which can only let more people
through, never fewer, because and/or never negate; those candidates are then
checked exactly in Python, decrypting each person's marks once per run.
"""

from jiceng.policies.rules.ages import age_on as age_on
from jiceng.policies.rules.columns import PLACE_VALUES as PLACE_VALUES
from jiceng.policies.rules.columns import person_values as person_values
from jiceng.policies.rules.deciding import holds as holds
from jiceng.policies.rules.fields import FIELDS as FIELDS
from jiceng.policies.rules.fields import HEALTH_FIELDS as HEALTH_FIELDS
from jiceng.policies.rules.fields import MAX_DEPTH as MAX_DEPTH
from jiceng.policies.rules.fields import NUMBER_OPS as NUMBER_OPS
from jiceng.policies.rules.fields import PROTECTED_REASON as PROTECTED_REASON
from jiceng.policies.rules.fields import Rule as Rule
from jiceng.policies.rules.filtering import to_q as to_q
from jiceng.policies.rules.reasons import Explainer as Explainer
from jiceng.policies.rules.reasons import explainer as explainer
from jiceng.policies.rules.reasons import reasons as reasons
from jiceng.policies.rules.sentence import rule_text as rule_text
from jiceng.policies.rules.validation import validate_rule as validate_rule
from jiceng.policies.rules.walking import has_choice as has_choice
from jiceng.policies.rules.walking import needs_health as needs_health
from jiceng.policies.rules.words import describe as describe
