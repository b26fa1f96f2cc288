"""Signed, expiring links that open a resident's own case without typing any digits.

A link carries the case's row id, what it is for and when it expires, signed with the
site's secret key (Django's signing, so SECRET_KEY_FALLBACKS rotate it). Whoever holds
the link may see that case's public timeline and, while it may be rated, rate it: the
same as knowing its number and the phone's last four digits.
"""

from jiceng.notices.links.addresses import FOLLOW_DAYS as FOLLOW_DAYS
from jiceng.notices.links.addresses import absolute as absolute
from jiceng.notices.links.addresses import follow_until as follow_until
from jiceng.notices.links.addresses import for_case as for_case
from jiceng.notices.links.addresses import path as path
from jiceng.notices.links.addresses import rate_until as rate_until
from jiceng.notices.links.tokens import FOLLOW as FOLLOW
from jiceng.notices.links.tokens import PURPOSES as PURPOSES
from jiceng.notices.links.tokens import RATE as RATE
from jiceng.notices.links.tokens import SALT as SALT
from jiceng.notices.links.tokens import BadLink as BadLink
from jiceng.notices.links.tokens import ExpiredLink as ExpiredLink
from jiceng.notices.links.tokens import Opened as Opened
from jiceng.notices.links.tokens import open_token as open_token
from jiceng.notices.links.tokens import token as token
