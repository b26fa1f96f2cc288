"""The visitor's address, as seen through the reverse proxies we were told to trust.

Behind nginx or a load balancer ``REMOTE_ADDR`` is the proxy, so limits keyed on it would
lump a whole county together. Each trusted proxy appends the address it received the
request from to ``X-Forwarded-For``; reading that list from the right, the first address
that is not one of our proxies is the visitor. Anything further left was written by the
visitor and proves nothing, and a peer that is not a trusted proxy is believed about
nothing at all.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from jiceng.core.addresses import address, networks, trusted


def client_address(request: HttpRequest) -> str:
    """The address to count a visitor's attempts under (``unknown`` if there is none)."""
    peer = address(str(request.META.get("REMOTE_ADDR", "")))
    if peer is None:
        return "unknown"
    trusted_networks = networks(tuple(settings.JICENG_TRUSTED_PROXIES))
    nearest = peer
    if not trusted(peer, trusted_networks):
        return str(peer)
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    for hop in reversed(forwarded.split(",")):
        hop_address = address(hop)
        if hop_address is None:
            # Garbage at this point was not written by a proxy we trust: stop at the last
            # hop we can vouch for.
            break
        nearest = hop_address
        if not trusted(hop_address, trusted_networks):
            break
    return str(nearest)
