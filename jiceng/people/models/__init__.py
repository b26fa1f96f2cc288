"""Units, users and residents.

A **unit** is an organisation that can own cases: a village committee, a
township government, a county department or the county dispatch centre.
A **user** belongs to one unit, whose division code is the user's jurisdiction.
"""

from jiceng.people.models.access import AccessLog as AccessLog
from jiceng.people.models.household import Household as Household
from jiceng.people.models.resident import Resident as Resident
from jiceng.people.models.unit import TIER_OF_KIND as TIER_OF_KIND
from jiceng.people.models.unit import Unit as Unit
from jiceng.people.models.unit import UnitKind as UnitKind
from jiceng.people.models.user import UNIT_KIND_OF_ROLE as UNIT_KIND_OF_ROLE
from jiceng.people.models.user import Role as Role
from jiceng.people.models.user import User as User
