"""Checking that the history still adds up: chains, case rows, ratings, photos, and an anchor.

Cases, events, ratings and attachments are each read once in case order and walked side
by side, so memory stays flat however many cases there are (a city has tens of millions).
Only the rows of the one case being checked are held at a time.

``run`` walks one snapshot; ``streams`` reads the rows; ``events`` checks the chains and
case rows, ``rows`` the ratings and photos; ``walk`` holds what they share.
"""

from jiceng.cases.verification.run import verify as verify
from jiceng.cases.verification.walk import Tampering as Tampering
