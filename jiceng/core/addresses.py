"""IP addresses as written in headers, and whether one is inside the trusted proxies' networks."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=4)
def networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item) for item in configured)


def address(text: str) -> Address | None:
    """The address in ``text`` (IPv6 may be bracketed); None if it is not one."""
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def trusted(candidate: Address, within: tuple[Network, ...]) -> bool:
    return any(candidate in network for network in within)
