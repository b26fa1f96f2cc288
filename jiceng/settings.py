"""Jiceng settings. Everything configurable comes from ``JICENG_*`` environment variables.

docs/configuration.md lists them all; it is written from the parsers' ``help=`` texts by
``jiceng config docs``. Production (the default ``JICENG_ENV``) refuses to start without
its keys; development generates its own into a git-ignored file under ``JICENG_HOME``;
tests use fixed throwaway keys.

Each area's settings live in a module of :mod:`jiceng.conf`; they are imported here in
the order of docs/configuration.md, each reading its variables under its own section.
"""

# isort: off
from jiceng.conf.environment import *  # noqa: F403  (environment, keys and database)
from jiceng.conf.keys import *  # noqa: F403
from jiceng.conf.site import *  # noqa: F403
from jiceng.conf.apps import *  # noqa: F403
from jiceng.conf.database import *  # noqa: F403
from jiceng.conf.replica import *  # noqa: F403  (read replica)
from jiceng.conf.queues import *  # noqa: F403  (background tasks, cache and sessions)
from jiceng.conf.language import *  # noqa: F403  (language, time and cookies)
from jiceng.conf.files import *  # noqa: F403  (photos and files)
from jiceng.conf.deployment import *  # noqa: F403  (proxies, TLS and logins)
from jiceng.conf.logins import *  # noqa: F403
from jiceng.conf.rates import *  # noqa: F403  (case rules and rates)
from jiceng.conf.readiness import *  # noqa: F403  (readiness and logging)
from jiceng.conf.keyring import *  # noqa: F403  (key ring and purpose keys)
from jiceng.conf.notices import *  # noqa: F403  (notifications: channels, SMS, email, outbox)
from jiceng.conf.sms import *  # noqa: F403
from jiceng.conf.email import *  # noqa: F403
from jiceng.conf.outbox import *  # noqa: F403

# isort: on
from jiceng.conf.apps import APPS, MIDDLEWARE, SECOND_FACTOR_APPS
from jiceng.conf.queues import QUEUE_APPS
from jiceng.conf.replica import REPLICA_MIDDLEWARE

INSTALLED_APPS = [*APPS, *QUEUE_APPS, *SECOND_FACTOR_APPS]
# Last, so that its retry on the primary comes before the outage middleware's 503.
MIDDLEWARE = [*MIDDLEWARE, *REPLICA_MIDDLEWARE]
