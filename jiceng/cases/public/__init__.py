"""What the public may see of cases.

A resident finds their own case by its number and the last four digits of
the phone they gave; its timeline shows only public events, with unit names
but never the staff who acted, internal notes or anyone's contact details.
The public board shows anonymised requests of one county: no numbers, no
names, no phone or ID numbers in the text.

``lookup`` finds a resident's own case (``follow`` budgets the tries, ``numbers`` reads
verified numbers), ``timeline`` shows its public steps, ``board`` lists a county's reviewed
requests, ``scrubbing`` anonymises, ``text`` shortens, ``places`` names where we work.
"""

from jiceng.cases.public.board import UNREVIEWED_STATES as UNREVIEWED_STATES
from jiceng.cases.public.board import BoardItem as BoardItem
from jiceng.cases.public.board import county_requests as county_requests
from jiceng.cases.public.board import fixed_recently as fixed_recently
from jiceng.cases.public.board import listed_requests as listed_requests
from jiceng.cases.public.board import recent_requests as recent_requests
from jiceng.cases.public.follow import follow_case as follow_case
from jiceng.cases.public.follow import lookup_allowed as lookup_allowed
from jiceng.cases.public.lookup import followed_case as followed_case
from jiceng.cases.public.numbers import case_by_number as case_by_number
from jiceng.cases.public.numbers import number_of as number_of
from jiceng.cases.public.places import categories as categories
from jiceng.cases.public.places import deployment_counties as deployment_counties
from jiceng.cases.public.places import townships as townships
from jiceng.cases.public.places import villages as villages
from jiceng.cases.public.scrubbing import public_description as public_description
from jiceng.cases.public.scrubbing import scrub as scrub
from jiceng.cases.public.text import shorten as shorten
from jiceng.cases.public.timeline import Step as Step
from jiceng.cases.public.timeline import current_rating as current_rating
from jiceng.cases.public.timeline import resident_timeline as resident_timeline
