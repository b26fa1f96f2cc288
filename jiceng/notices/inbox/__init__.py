"""The outbox as staff see it: their unit's inbox, a case's messages, residents to call.

Reads take the acting user and return rows already scoped to them; the few writes
(marking inbox messages read, a resident called back, one's own contact settings) are
keyword-only functions that validate and save only what changes.
"""

from jiceng.notices.inbox.calls import call_to_make as call_to_make
from jiceng.notices.inbox.calls import calls_to_make as calls_to_make
from jiceng.notices.inbox.calls import may_call as may_call
from jiceng.notices.inbox.calls import message_called as message_called
from jiceng.notices.inbox.case import case_messages as case_messages
from jiceng.notices.inbox.contact import normal_mobile as normal_mobile
from jiceng.notices.inbox.contact import staff_contact as staff_contact
from jiceng.notices.inbox.contact import staff_contact_set as staff_contact_set
from jiceng.notices.inbox.reads import inbox_read_all as inbox_read_all
from jiceng.notices.inbox.reads import message_read as message_read
from jiceng.notices.inbox.unit import UNREAD_DAYS as UNREAD_DAYS
from jiceng.notices.inbox.unit import has_inbox as has_inbox
from jiceng.notices.inbox.unit import inbox_message as inbox_message
from jiceng.notices.inbox.unit import inbox_messages as inbox_messages
from jiceng.notices.inbox.unit import unread_count as unread_count
from jiceng.notices.inbox.unit import unread_since as unread_since
