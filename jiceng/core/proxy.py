"""The visitor's address, as seen through the reverse proxies we were told to trust.

Behind nginx or a load balancer ``REMOTE_ADDR`` is the proxy, so limits keyed on it would
lump a whole county together. Each trusted proxy appends the address it received the
request from to ``X-Forwarded-For``; reading that list from the right, the first address
that is not one of our proxies is the visitor. Anything further left was written by the
visitor and proves nothing, and a peer that is not a trusted proxy is believed about
nothing at all.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=4)
def _networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item) for item in configured)


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address to count a visitor's attempts under (``unknown`` if there is none)."""
    peer = _address(str(request.META.get("REMOTE_ADDR", "")))
    if peer is None:
        return "unknown"
    networks = _networks(tuple(settings.JICENG_TRUSTED_PROXIES))
    nearest = peer
    if not _trusted(peer, networks):
        return str(peer)
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    for hop in reversed(forwarded.split(",")):
        address = _address(hop)
        if address is None:
            # Garbage at this point was not written by a proxy we trust: stop at the last
            # hop we can vouch for.
            break
        nearest = address
        if not _trusted(address, networks):
            break
    return str(nearest)
