"""What every SMS adapter shares: settings read once, template ids, numbers and reasons.

docs/sms-gateways.md describes each gateway's protocol and its failure modes.
"""

from jiceng.notices.channels.sms.config import CHATTY_LOGGERS as CHATTY_LOGGERS
from jiceng.notices.channels.sms.config import Endpoint as Endpoint
from jiceng.notices.channels.sms.config import SmsSettings as SmsSettings
from jiceng.notices.channels.sms.config import endpoint as endpoint
from jiceng.notices.channels.sms.config import quiet_sdk_logs as quiet_sdk_logs
from jiceng.notices.channels.sms.config import required as required
from jiceng.notices.channels.sms.config import setting as setting
from jiceng.notices.channels.sms.config import template_ids as template_ids
from jiceng.notices.channels.sms.formats import NATIONAL as NATIONAL
from jiceng.notices.channels.sms.formats import e164 as e164
from jiceng.notices.channels.sms.formats import national as national
from jiceng.notices.channels.sms.formats import scrub as scrub
from jiceng.notices.channels.sms.formats import worded as worded
from jiceng.notices.channels.sms.network import network_reason as network_reason
from jiceng.notices.channels.sms.outcomes import by_code as by_code
from jiceng.notices.channels.sms.outcomes import server_error as server_error
