"""Cases and the household registry, linked through the blind phone index only.

A case's resident is a row of its own (what the caller said on the day); the registry's
residents belong to households. The two meet where their keyed phone digests
(``crypto.blind_index``) are equal: no phone is decrypted or compared in clear. A phone
found in more than one household links to none, so a case is never pinned on the wrong
family. Nothing is stored: a link follows the registry as it is edited.

A case from a vulnerable household (低保, someone elderly and alone, a left-behind child,
extreme poverty support, a health mark) is marked for priority. The mark names no reason,
and only the roles below see it: department staff act on the case, not on the family.
"""

from jiceng.cases.households.found import case_household as case_household
from jiceng.cases.households.found import household_cases as household_cases
from jiceng.cases.households.priority import MARK_READERS as MARK_READERS
from jiceng.cases.households.priority import may_see_mark as may_see_mark
from jiceng.cases.households.priority import priority_mark as priority_mark
from jiceng.cases.households.vulnerable import is_vulnerable as is_vulnerable
