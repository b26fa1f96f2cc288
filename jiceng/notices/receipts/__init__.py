"""Delivery receipts and replies that SMS gateways post back (docs/sms-gateways.md).

``/notices/receipts/<gateway>/`` takes a gateway's delivery reports and marks the messages
delivered or failed (``outbox.receipts.record_receipt``); ``/notices/replies/<gateway>/`` takes the
texts residents send back, and a reply of TD, T, N or 退订 stops texts to that phone.

These are server-to-server calls: no session and no CSRF token, but the shared secret
JICENG_SMS_RECEIPT_TOKEN, in ``?token=`` (the only place Aliyun and Tencent let us put
it) or the ``X-Jiceng-Token`` header. Without the setting both addresses do not exist.
Each gateway's format is parsed strictly; a bad body is answered 400 with the field named.
Phone numbers come in these bodies and go nowhere but the blind index of an opt-out.
"""

from jiceng.notices.receipts.views import receipts as receipts
from jiceng.notices.receipts.views import replies as replies
from jiceng.notices.receipts.views import wants_no_more as wants_no_more
