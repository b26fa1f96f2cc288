"""The unit that stands for a division: created at set-up, only looked up afterwards.

Units are created when a deployment is set up: ``jiceng setup-units CODE``
(:func:`ensure_units`), the demo, a hand-added division in the admin, or an API key
created for a jurisdiction (:func:`ensure_unit`). Pages, submissions and transitions
only look units up, and a missing one is an error that says how to set it up.
"""

from jiceng.people.units.lookups import dispatch_centre as dispatch_centre
from jiceng.people.units.lookups import not_set_up as not_set_up
from jiceng.people.units.lookups import unit_for_code as unit_for_code
from jiceng.people.units.lookups import unit_for_division as unit_for_division
from jiceng.people.units.naming import default_name as default_name
from jiceng.people.units.routing import intake_route as intake_route
from jiceng.people.units.routing import not_onboarded as not_onboarded
from jiceng.people.units.routing import village_route as village_route
from jiceng.people.units.setup import ensure_unit as ensure_unit
from jiceng.people.units.setup import ensure_units as ensure_units
