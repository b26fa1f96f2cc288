"""Deployment: proxies, TLS, the hosts' and data key's checks, logins (docs/operations.md)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_ENV
from jiceng.conf.keys import JICENG_DATA_KEY
from jiceng.conf.site import ALLOWED_HOSTS
from jiceng.conf.site import CSRF_TRUSTED_ORIGINS as _FURTHER_ORIGINS
from jiceng.core import env

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
    *_FURTHER_ORIGINS,
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
# Administrators and leaders confirm a login with an authenticator app's code
# (jiceng.web.twofactor); on by default where the data is real.
JICENG_REQUIRE_2FA = env.boolean(
    "JICENG_REQUIRE_2FA",
    _PRODUCTION,
    help="administrators and leaders confirm their login with an authenticator app's code",
)
# The AGPL asks that users of the network service be offered its source (section 13).
JICENG_SOURCE_URL = env.string(
    "JICENG_SOURCE_URL",
    "/source/",
    help="where the footer's source link points; /source/ serves the running code (AGPL §13)",
)
