"""The notices app's tables: the outbox's messages, their reads, opt-outs, staff contacts."""

from jiceng.notices.models.choices import SETTLED as SETTLED
from jiceng.notices.models.choices import Channel as Channel
from jiceng.notices.models.choices import Status as Status
from jiceng.notices.models.contact import StaffContact as StaffContact
from jiceng.notices.models.message import Message as Message
from jiceng.notices.models.optout import OptOut as OptOut
from jiceng.notices.models.optout import OptOutSource as OptOutSource
from jiceng.notices.models.read import MessageRead as MessageRead
