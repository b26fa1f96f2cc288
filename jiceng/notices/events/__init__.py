"""What each case event tells whom: the producers of the outbox.

``on_event`` receives every case event inside the transaction that writes it
(``cases.history.event_recorded``) and plans its messages there, so they exist exactly
when the event does. Residents hear of their request by SMS; units hear in their
workbench inbox, with deadline warnings planned ahead and withdrawn by the drain when
the case has moved on. Dispatch centres get a digest instead (``notices.digests``).
"""

from jiceng.notices.events.muting import muted as muted
from jiceng.notices.events.routing import PLANS as PLANS
from jiceng.notices.events.routing import on_event as on_event
