"""Revealing personal data (always for a reason, always logged); retention; the second factor."""

from jiceng.people.services.access_log import access_log_prune as access_log_prune
from jiceng.people.services.case_text import CASE_TEXT as CASE_TEXT
from jiceng.people.services.case_text import case_text_reveal as case_text_reveal
from jiceng.people.services.household_reveal import (
    household_member_reveal as household_member_reveal,
)
from jiceng.people.services.household_reveal import may_reveal_health_in as may_reveal_health_in
from jiceng.people.services.household_reveal import may_reveal_household as may_reveal_household
from jiceng.people.services.retention import PURGED_FIELDS as PURGED_FIELDS
from jiceng.people.services.retention import (
    residents_purge_moved_away as residents_purge_moved_away,
)
from jiceng.people.services.reveal import REVEALABLE as REVEALABLE
from jiceng.people.services.reveal import resident_reveal as resident_reveal
from jiceng.people.services.second_factor import needs_second_factor as needs_second_factor
from jiceng.people.services.second_factor import second_factor_verify as second_factor_verify
from jiceng.people.services.second_factor_enrol import second_factor_enrol as second_factor_enrol
