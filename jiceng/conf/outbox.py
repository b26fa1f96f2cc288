"""The outbox's rules: quiet hours, the daily limit per phone, the drain, digests, retention."""

from __future__ import annotations

from jiceng.core import env

# No SMS to residents between these hours (local time) unless the case is an emergency.
JICENG_QUIET_HOURS = env.hour_range(
    "JICENG_QUIET_HOURS", "22-8", help="no SMS to residents in these hours except emergencies"
)
# At most this many SMS to one phone number in 24 hours: someone else's number typed into
# many requests must not turn the service into an SMS cannon.
JICENG_SMS_DAILY_LIMIT = env.integer(
    "JICENG_SMS_DAILY_LIMIT", 10, minimum=1, help="SMS to one phone number in 24 hours at most"
)
# The drain: how long a claimed message is held before another drain may take it (longer
# than any send), the first retry's delay (doubled each time, up to an hour), the tries
# before a message fails, and how often the worker looks for due messages.
JICENG_OUTBOX_LEASE_SECONDS = env.integer(
    "JICENG_OUTBOX_LEASE_SECONDS",
    300,
    minimum=1,
    help="seconds a claimed message is held before another drain may take it",
)
JICENG_OUTBOX_RETRY_SECONDS = env.integer(
    "JICENG_OUTBOX_RETRY_SECONDS",
    30,
    minimum=1,
    help="the first retry's delay, doubled each time up to an hour",
)
JICENG_OUTBOX_MAX_ATTEMPTS = env.integer(
    "JICENG_OUTBOX_MAX_ATTEMPTS", 10, minimum=1, help="tries before a message fails"
)
JICENG_OUTBOX_POLL_SECONDS = env.integer(
    "JICENG_OUTBOX_POLL_SECONDS", 5, minimum=1, help="how often the worker looks for due messages"
)
# Staff who asked for SMS or email get one digest of their unit's inbox this often.
JICENG_DIGEST_MINUTES = env.integer(
    "JICENG_DIGEST_MINUTES",
    60,
    minimum=5,
    help="how often staff who asked for SMS or email get a digest of their unit's inbox",
)
# Sent messages are kept this long for the case pages, then pruned by the worker.
JICENG_MESSAGE_RETENTION_DAYS = env.integer(
    "JICENG_MESSAGE_RETENTION_DAYS",
    400,
    minimum=30,
    help="days sent messages are kept for the case pages before the worker prunes them",
)
