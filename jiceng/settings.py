"""Jiceng settings. Everything configurable comes from ``JICENG_*`` environment variables.

docs/configuration.md lists them all; it is written from the ``help=`` texts below by
``jiceng config docs``. Production (the default
``JICENG_ENV``) refuses to start without its keys; development generates its
own into a git-ignored file under ``JICENG_HOME``; tests use fixed throwaway keys.
"""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from jiceng.core import env

BASE_DIR = Path(__file__).resolve().parent


def _default_env() -> str:
    runner = Path(sys.argv[0]).name if sys.argv else ""
    return "test" if runner in {"pytest", "py.test"} or "pytest" in sys.modules else "production"


env.section("Environment, keys and database")
JICENG_ENV = env.choice(
    "JICENG_ENV",
    _default_env(),
    ("production", "development", "test"),
    help="production refuses to start without its keys; development generates keys into "
    "$JICENG_HOME/keys.env (git-ignored); test uses fixed throwaway keys",
    doc_default="`production` (`test` under pytest)",
)
JICENG_HOME = Path(
    env.string(
        "JICENG_HOME",
        str(Path.cwd() / "var"),
        help="where the SQLite file, generated keys, static files and photos live",
        doc_default="`./var`",
    )
).resolve()
KEYS_FILE = JICENG_HOME / "keys.env"


def _read_keys_file() -> dict[str, str]:
    if not KEYS_FILE.is_file():
        return {}
    pairs = (line.split("=", 1) for line in KEYS_FILE.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def _development_keys() -> dict[str, str]:
    keys = _read_keys_file()
    if {"JICENG_SECRET_KEY", "JICENG_DATA_KEY"} <= keys.keys():
        return keys
    from cryptography.fernet import Fernet

    keys = {
        "JICENG_SECRET_KEY": secrets.token_urlsafe(50),
        "JICENG_DATA_KEY": Fernet.generate_key().decode(),
    }
    JICENG_HOME.mkdir(parents=True, exist_ok=True)
    KEYS_FILE.write_text("".join(f"{k}={v}\n" for k, v in keys.items()))
    KEYS_FILE.chmod(0o600)
    return keys


def _key(name: str, *, help: str) -> str:
    value = env.raw(name, help=help, doc_default="required in production")
    if value:
        return value
    if JICENG_ENV == "test":
        # Fixed, public, throwaway keys: tests must be repeatable and never touch real data.
        return {
            "JICENG_SECRET_KEY": "test-secret-key-not-for-production-0123456789abcdef",
            "JICENG_DATA_KEY": "dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
        }[name]
    if JICENG_ENV == "development":
        return _development_keys()[name]
    raise ImproperlyConfigured(
        f"{name} is required in production. Set it (or {name}_FILE), "
        "or set JICENG_ENV=development to use generated local keys."
    )


SECRET_KEY = _key(
    "JICENG_SECRET_KEY", help="Django's signing key (sessions, links); 50 random characters"
)
JICENG_DATA_KEY = _key(
    "JICENG_DATA_KEY",
    help="Fernet key encrypting residents' names, phones and ID numbers; losing it loses "
    "them (rotation: operations.md)",
)
DEBUG = env.boolean(
    "JICENG_DEBUG", JICENG_ENV == "development", help="Django's debug pages; never in production"
)
ALLOWED_HOSTS = env.csv_list(
    "JICENG_ALLOWED_HOSTS",
    "" if JICENG_ENV == "production" else "127.0.0.1,localhost,testserver",
    help="host names the site answers to; required in production, where * is refused",
)
if JICENG_ENV == "production" and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("JICENG_ALLOWED_HOSTS is required in production (comma-separated).")
CSRF_TRUSTED_ORIGINS = env.csv_list(
    "JICENG_CSRF_TRUSTED_ORIGINS", "", help="further origins trusted to post forms"
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "jiceng.core",
    "jiceng.places",
    "jiceng.people",
    "jiceng.cases",
    "jiceng.insights",
    "jiceng.fieldwork",
    "jiceng.policies",
    "jiceng.knowledge",
    "jiceng.campaigns",
    "jiceng.api",
    "jiceng.notices",
    "jiceng.onboarding",
    "jiceng.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jiceng.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "jiceng.urls"
WSGI_APPLICATION = "jiceng.wsgi.application"
AUTH_USER_MODEL = "people.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jiceng.web.context.navigation",
            ],
        },
    },
]


def _database() -> dict[str, object]:
    url = env.string(
        "DATABASE_URL",
        f"sqlite:///{JICENG_HOME / 'jiceng.sqlite3'}",
        help="sqlite:///path, or postgres://user@host:5432/db (postgres:///jiceng: local socket)",
    )
    try:
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
    engine = str(config["ENGINE"])
    if engine.endswith("sqlite3"):
        # Our backend queues write transactions of every process on one lock file
        # (jiceng.core.db.sqlite3); WAL lets readers run beside the one writer, and
        # IMMEDIATE takes SQLite's write lock at BEGIN, so a transaction never fails
        # half-way for want of it. Connections are kept, as on PostgreSQL: opening
        # one registers Django's SQL functions and runs the pragmas below.
        config["ENGINE"] = "jiceng.core.db.sqlite3"
        # Tests get Django's in-memory database, one per test process (pytest-django only
        # recognises Django's own engine name as one that needs no per-process suffix).
        config["TEST"] = {"NAME": ":memory:"}
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif "postgresql" in engine:
        # Django turns psycopg's prepared statements off for every query, to keep
        # transaction-pooling PgBouncers (before 1.21) working. The ORM's own queries are
        # never prepared either way (they bind on the client); only the hot read paths that
        # ask for it (jiceng.core.rows.statement_cursor) are, which saves PostgreSQL planning
        # them at every request. Set JICENG_DB_PREPARED=false behind such a pooler.
        options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
        prepared = env.boolean(
            "JICENG_DB_PREPARED",
            True,
            help="PostgreSQL: prepare the statements run at every request once per connection; "
            "false behind a transaction-pooling PgBouncer older than 1.21",
        )
        if prepared:
            options.setdefault("prepare_threshold", 5)
        config["OPTIONS"] = options
    else:
        raise ImproperlyConfigured("DATABASE_URL must be sqlite:// or postgres://")
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks, cache and sessions -------------------------------------------------
# One node runs the embedded database queue. Several nodes share Redis: the RQ queues, the
# cache (public pages, dashboards) and sessions, so any node can serve any request.
env.section("Background tasks, cache and sessions")
JICENG_REDIS_URL = env.redis_url(
    "JICENG_REDIS_URL",
    help="redis://[:password@]host:6379/0, rediss://… or unix:///path; when set, every process "
    "shares Redis for the cache, the RQ queues and sessions",
)
JICENG_TASKS_BACKEND = env.choice(
    "JICENG_TASKS_BACKEND",
    "immediate" if JICENG_ENV == "test" else "database",
    ("immediate", "database", "rq"),
    help="database: the embedded queue; rq: Redis and RQ, for several nodes (needs "
    "JICENG_REDIS_URL); immediate: run at once (tests). jiceng worker runs the matching worker",
)
# Finished task results are kept this long: pruned from the database by the worker,
# expired by Redis on RQ.
JICENG_TASK_RETENTION_DAYS = env.integer(
    "JICENG_TASK_RETENTION_DAYS",
    7,
    minimum=1,
    help="days finished task results are kept (pruned by the worker; expired by Redis on RQ)",
)
# Who looked at personal data in clear is kept this long, then pruned by the worker. The
# Cybersecurity Law asks for at least six months of such logs, hence the minimum.
JICENG_ACCESS_LOG_RETENTION_DAYS = env.integer(
    "JICENG_ACCESS_LOG_RETENTION_DAYS",
    3 * 365,
    minimum=180,
    help="days the log of who saw personal data in clear is kept before the worker deletes it",
)
JICENG_TASK_QUEUES = ["default"]
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.backend.DatabaseBackend",
            "rq": "django_tasks_rq.backend.RQBackend",
        }[JICENG_TASKS_BACKEND],
        "QUEUES": JICENG_TASK_QUEUES,
    }
}
if JICENG_TASKS_BACKEND == "rq" and JICENG_REDIS_URL is None:
    raise ImproperlyConfigured(
        "JICENG_TASKS_BACKEND=rq needs JICENG_REDIS_URL (or JICENG_REDIS_URL_FILE), "
        "e.g. redis://127.0.0.1:6379/0"
    )
if JICENG_REDIS_URL is not None:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        name: {"URL": JICENG_REDIS_URL, "QUEUE_CLASS": "jiceng.core.rq.RetainingQueue"}
        for name in JICENG_TASK_QUEUES
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": JICENG_REDIS_URL,
            "KEY_PREFIX": "jiceng",
        }
    }
    # Reads come from Redis; the database copy keeps people logged in across a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# -------------------------------------------------------------------------------------------

env.section("Language, time and cookies")
LANGUAGE_CODE = env.choice(
    "JICENG_LANGUAGE", "zh-hans", ("zh-hans", "en"), help="the language of pages and messages"
)
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.time_zone(
    "JICENG_TIME_ZONE", "Asia/Shanghai", help="the zone of deadlines, reports and monthly figures"
)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = JICENG_HOME / "static"
WHITENOISE_USE_FINDERS = JICENG_ENV != "production"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = JICENG_HOME / "media"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if JICENG_ENV == "production":
    SESSION_COOKIE_SECURE = env.boolean(
        "JICENG_SECURE_COOKIES", True, help="production only: cookies are sent over HTTPS only"
    )
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Deployment: proxies, TLS, hosts, keys and logins (docs/operations.md) -------------------
env.section("Deployment: proxies, TLS and logins", doc="operations.md")
# Behind a reverse proxy every request comes from the proxy: X-Forwarded-For is believed only
# when the peer is one of these (jiceng.core.proxy), so a visitor cannot spoof their address.
JICENG_TRUSTED_PROXIES = tuple(
    env.networks(
        "JICENG_TRUSTED_PROXIES",
        "",
        help="proxies whose X-Forwarded-For is believed, e.g. 127.0.0.1,::1,10.0.0.0/24; "
        "none: trust nobody",
    )
)
# The address residents type; a TLS-ending load balancer makes Django see plain HTTP, so the
# CSRF check must be told which HTTPS origin its forms come from.
JICENG_PUBLIC_URL = env.origin(
    "JICENG_PUBLIC_URL",
    help="the address residents type, e.g. https://12345.example.cn; trusted origin for forms",
)
CSRF_TRUSTED_ORIGINS = [
    *([JICENG_PUBLIC_URL] if JICENG_PUBLIC_URL else []),
    *CSRF_TRUSTED_ORIGINS,
]
_BEHIND_TLS_PROXY = env.boolean(
    "JICENG_BEHIND_TLS_PROXY",
    False,
    help="believe X-Forwarded-Proto: https from the proxy (only if it overwrites the header)",
)
if _BEHIND_TLS_PROXY:
    # Only safe when the proxy overwrites this header on every request (deploy/nginx.conf).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
_PRODUCTION = JICENG_ENV == "production"
SECURE_HSTS_SECONDS = env.integer(
    "JICENG_HSTS_SECONDS",
    31_536_000 if _PRODUCTION else 0,
    minimum=0,
    help="browsers use only HTTPS for this many seconds (HSTS)",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean(
    "JICENG_HSTS_INCLUDE_SUBDOMAINS", True, help="HSTS covers the site's sub-domains too"
)
SECURE_HSTS_PRELOAD = env.boolean(
    "JICENG_HSTS_PRELOAD",
    False,
    help="ask browsers to preload HSTS (only if you submit the domain to their list yourself)",
)
if not SECURE_HSTS_PRELOAD:
    # Preloading is the domain owner's request to the browsers' list, not a server default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Redirecting by default only where Django can tell HTTPS from HTTP: behind a proxy that
# does not say so, every request looks like HTTP and would be redirected forever.
SECURE_SSL_REDIRECT = env.boolean(
    "JICENG_SSL_REDIRECT",
    _PRODUCTION and _BEHIND_TLS_PROXY,
    help="redirect HTTP to HTTPS, except /healthz and /readyz; on by default in production "
    "behind a TLS proxy",
)
# A load balancer probes over plain HTTP; a redirect would count as a failed check.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
if _PRODUCTION and "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "JICENG_ALLOWED_HOSTS must name the site's hosts in production, not '*' "
        "(a wildcard lets forged Host headers into password-reset links and caches)."
    )
if _PRODUCTION:
    env.fernet_key("JICENG_DATA_KEY", JICENG_DATA_KEY)
_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATION}.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
]
# Administrators and leaders confirm a login with an authenticator app's code
# (jiceng.web.twofactor); on by default where the data is real.
JICENG_REQUIRE_2FA = env.boolean(
    "JICENG_REQUIRE_2FA",
    _PRODUCTION,
    help="administrators and leaders confirm their login with an authenticator app's code",
)
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
_AFTER_LOGIN = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_AFTER_LOGIN:_AFTER_LOGIN] = [
    "django_otp.middleware.OTPMiddleware",
    "jiceng.web.twofactor.SecondFactorMiddleware",
]
OTP_TOTP_ISSUER = "Jiceng"
# The AGPL asks that users of the network service be offered its source (section 13).
JICENG_SOURCE_URL = env.string(
    "JICENG_SOURCE_URL",
    "/source/",
    help="where the footer's source link points; /source/ serves the running code (AGPL §13)",
)
# --- end of deployment block --------------------------------------------------------------

PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if JICENG_ENV == "test"
    else [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]
)

# Case rules (docs/cases.md, docs/rates.md): windows, satisfaction weight, composite weights.
env.section("Case rules and rates", doc="rates.md")
JICENG_REOPEN_WINDOW_DAYS = env.integer(
    "JICENG_REOPEN_WINDOW_DAYS", 15, minimum=1, help="days after resolution a case may be reopened"
)
JICENG_RATING_WINDOW_DAYS = env.integer(
    "JICENG_RATING_WINDOW_DAYS",
    7,
    minimum=1,
    help="days after which an unrated resolved case closes without a rating",
)
JICENG_BASIC_SATISFIED_WEIGHT = env.integer(
    "JICENG_BASIC_SATISFIED_WEIGHT_PERCENT",
    100,
    minimum=0,
    help="weight of 基本满意 (basically satisfied) in the satisfaction rate, in percent",
)
# Where the worker writes the daily history anchor; copy it off the machine (docs/history.md).
JICENG_ANCHOR_DIR = env.directory(
    "JICENG_ANCHOR_DIR",
    JICENG_HOME / "anchors",
    help="where jiceng worker writes the daily signed history anchor; copy each off the "
    "machine (history.md)",
)
# Fewer ratings than this in a month: shown as "too few ratings", not ranked (docs/rates.md).
JICENG_RANKING_MIN_RATED = env.integer(
    "JICENG_RANKING_MIN_RATED",
    10,
    minimum=1,
    help="a unit with fewer rated cases in the month shows 样本不足 (too few) and is not ranked",
)
_SCORE_WEIGHTS = env.csv_list(
    "JICENG_SCORE_WEIGHTS",
    "30,35,35",
    help="composite score weights of the response, resolution and satisfaction rates; "
    "three whole numbers summing to 100",
)
JICENG_SCORE_WEIGHTS = tuple(int(w) for w in _SCORE_WEIGHTS)
if len(JICENG_SCORE_WEIGHTS) != 3 or sum(JICENG_SCORE_WEIGHTS) != 100:
    raise ImproperlyConfigured(
        "JICENG_SCORE_WEIGHTS must be three integers summing to 100, e.g. 30,35,35"
    )

# --- Request path: bad input, database outages, readiness, logging (issue 13) -----------------
env.section("Readiness and logging")
# NUL characters are turned away before the session is read (jiceng.core.nul); a database
# that cannot be reached is answered with 503 in each surface's format (jiceng.core.outage).
from jiceng.core import logs  # noqa: E402  (kept in this block, beside its only use)

# Django's own HTML error pages on /api/ and /open311/ are answered again in their shape.
_SESSIONS = MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
MIDDLEWARE[_SESSIONS:_SESSIONS] = [
    "jiceng.core.surfaces.SurfaceErrorsMiddleware",
    "jiceng.core.nul.RejectNulMiddleware",
]
MIDDLEWARE.append("jiceng.core.outage.DatabaseUnavailableMiddleware")
# /readyz: not ready while a background task has waited longer than this to run.
JICENG_READY_TASK_MINUTES = env.integer(
    "JICENG_READY_TASK_MINUTES",
    10,
    minimum=1,
    help="/readyz answers 503 while a background task has waited longer than this",
)
_LOG_LEVEL = env.choice(
    "JICENG_LOG_LEVEL",
    "info",
    ("debug", "info", "warning", "error"),
    help="the least severe log records written",
)
_LOG_FORMAT = env.choice(
    "JICENG_LOG_FORMAT",
    "text",
    ("text", "json"),
    help="text: one line a record; json: one object a line with time, level, logger, "
    "message and, for requests, path and status",
)
LOGGING = logs.config(level=_LOG_LEVEL.upper(), fmt=_LOG_FORMAT, zone=TIME_ZONE)
# --- end of request path settings ---------------------------------------------------------------

# --- Key ring and purpose keys (docs/operations.md, "Key rotation") --------------------------
# Earlier data keys still decrypt (jiceng.core.crypto); the blind index and the history chain
# may be pinned to keys of their own, so they survive a change of the data key. Unset, both
# are derived from JICENG_DATA_KEY as before.
env.section("Key ring and purpose keys", doc="operations.md")
JICENG_DATA_KEYS_OLD = env.fernet_keys(
    "JICENG_DATA_KEYS_OLD", help="earlier data keys, still used to decrypt during a rotation"
)
JICENG_INDEX_KEY = env.secret_bytes(
    "JICENG_INDEX_KEY", 32, help="pins the phone index's key; unset: derived from the data key"
)
JICENG_HISTORY_KEY = env.secret_bytes(
    "JICENG_HISTORY_KEY", 64, help="pins the history chain's key; unset: derived from the data key"
)
# --- end of key ring ------------------------------------------------------------------------

# --- Notifications: the outbox, its channels and its rules (docs/notifications.md) ------------
env.section("Notifications", doc="notifications.md")
# SMS to residents (and staff who ask for it), email to staff, the workbench inbox. "file"
# writes each message under JICENG_OUTBOX_DIR instead of sending it (the demo); "off" sends
# nothing and marks each message not sent.
_SMS_BACKENDS = {
    "file": "jiceng.notices.channels.files.SmsFileBackend",
    "aliyun": "jiceng.notices.channels.aliyun.AliyunSmsBackend",
    "tencent": "jiceng.notices.channels.tencent.TencentSmsBackend",
    "http": "jiceng.notices.channels.http.HttpSmsBackend",
    "off": "jiceng.notices.channels.Disabled",
}
_EMAIL_BACKENDS = {
    "file": "jiceng.notices.channels.files.EmailFileBackend",
    "smtp": "jiceng.notices.channels.email.SmtpBackend",
    "off": "jiceng.notices.channels.Disabled",
}
JICENG_SMS_BACKEND = env.choice(
    "JICENG_SMS_BACKEND",
    "off" if _PRODUCTION else "file",
    tuple(_SMS_BACKENDS),
    help="how SMS are sent: a gateway (http: a provincial one), file: written under "
    "JICENG_OUTBOX_DIR, off: not sent",
)
JICENG_EMAIL_BACKEND = env.choice(
    "JICENG_EMAIL_BACKEND",
    "off" if _PRODUCTION else "file",
    tuple(_EMAIL_BACKENDS),
    help="how email is sent: smtp, file (written under JICENG_OUTBOX_DIR) or off",
)
JICENG_NOTICE_BACKENDS = {
    "sms": _SMS_BACKENDS[JICENG_SMS_BACKEND],
    "email": _EMAIL_BACKENDS[JICENG_EMAIL_BACKEND],
}
JICENG_OUTBOX_DIR = env.directory(
    "JICENG_OUTBOX_DIR", JICENG_HOME / "outbox", help="where the file backends write messages"
)
# The SMS gateway: the signature (短信签名) every message carries, credentials, the region
# and, for a provincial gateway, its URL and token. JICENG_SMS_TEMPLATES names a JSON file
# mapping our template codes to the gateway's (e.g. {"case_received": "SMS_465830012"}).
JICENG_SMS_SIGN_NAME = env.string(
    "JICENG_SMS_SIGN_NAME", "基层治理", help="the SMS signature (短信签名) the gateway approved"
)
JICENG_SMS_ACCESS_KEY_ID = (
    env.raw("JICENG_SMS_ACCESS_KEY_ID", help="Aliyun AccessKey ID or Tencent SecretId") or ""
)
JICENG_SMS_ACCESS_KEY_SECRET = (
    env.raw("JICENG_SMS_ACCESS_KEY_SECRET", help="Aliyun AccessKey secret or Tencent SecretKey")
    or ""
)
JICENG_SMS_APP_ID = env.raw("JICENG_SMS_APP_ID", help="Tencent Cloud SmsSdkAppId") or ""
JICENG_SMS_REGION = env.raw("JICENG_SMS_REGION", help="the gateway's region") or ""
JICENG_SMS_ENDPOINT = (
    env.raw("JICENG_SMS_ENDPOINT", help="an endpoint to use instead of the provider's") or ""
)
JICENG_SMS_HTTP_URL = env.raw("JICENG_SMS_HTTP_URL", help="the provincial gateway's URL") or ""
JICENG_SMS_HTTP_TOKEN = (
    env.raw("JICENG_SMS_HTTP_TOKEN", help="the provincial gateway's bearer token") or ""
)
JICENG_SMS_TEMPLATES = (
    env.raw(
        "JICENG_SMS_TEMPLATES",
        help="a JSON file mapping our template codes to the gateway's template ids",
    )
    or ""
)
JICENG_SMS_TIMEOUT = env.integer(
    "JICENG_SMS_TIMEOUT", 10, minimum=1, help="seconds before a request to the gateway gives up"
)
JICENG_SMS_CONCURRENCY = env.integer(
    "JICENG_SMS_CONCURRENCY", 16, minimum=1, help="requests to the gateway in flight at once"
)
# Delivery receipts posted back by the gateway carry this shared secret (docs/notifications.md).
JICENG_SMS_RECEIPT_TOKEN = (
    env.raw(
        "JICENG_SMS_RECEIPT_TOKEN",
        help="shared secret of the delivery receipts and replies the gateway posts back",
    )
    or ""
)
# Email goes through Django's SMTP backend.
JICENG_EMAIL_DJANGO_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.string("JICENG_EMAIL_HOST", "localhost", help="the SMTP server")
EMAIL_PORT = env.integer("JICENG_EMAIL_PORT", 25, minimum=1, help="the SMTP server's port")
EMAIL_HOST_USER = env.raw("JICENG_EMAIL_USER", help="the SMTP login") or ""
EMAIL_HOST_PASSWORD = env.raw("JICENG_EMAIL_PASSWORD", help="the SMTP password") or ""
EMAIL_USE_TLS = env.boolean("JICENG_EMAIL_STARTTLS", False, help="SMTP with STARTTLS")
EMAIL_USE_SSL = env.boolean("JICENG_EMAIL_SSL", False, help="SMTP over TLS from the start")
EMAIL_TIMEOUT = env.integer(
    "JICENG_EMAIL_TIMEOUT", 20, minimum=1, help="seconds before an SMTP connection gives up"
)
DEFAULT_FROM_EMAIL = env.string(
    "JICENG_EMAIL_FROM", "jiceng@localhost", help="the sender of staff email"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
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
# --- end of notifications ------------------------------------------------------------------
