"""The parser of trusted networks: IP addresses or CIDR networks, written canonically."""

from __future__ import annotations

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.lists import csv_list
from jiceng.core.env.values import note


def networks(
    name: str, default: str, *, environ: dict[str, str] | None = None, help: str = ""
) -> list[str]:
    """Comma-separated IP addresses or CIDR networks, each checked and written canonically."""
    note(name, environ, "IP addresses or networks, comma-separated", default, help)
    found = []
    for item in csv_list(name, default, environ=environ):
        try:
            found.append(str(ipaddress.ip_network(item, strict=True)))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be IP addresses or networks such as 10.0.0.5,10.1.0.0/16 "
                f"(a network's host bits zero); got {item!r}"
            ) from None
    return found
