"""The visitor's address: X-Forwarded-For is believed only from the proxies we trust."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from jiceng.core.proxy import client_address


def _address(peer: str, forwarded: str | None = None) -> str:
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))


@pytest.fixture
def behind_proxies(settings):
    settings.JICENG_TRUSTED_PROXIES = ("10.0.0.0/24", "2001:db8::/32")


def test_without_trusted_proxies_the_peer_is_the_visitor_whatever_the_header_says():
    assert _address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(behind_proxies):
    assert _address("203.0.113.7", "10.0.0.1, 198.51.100.1") == "203.0.113.7"


def test_the_rightmost_untrusted_hop_is_the_visitor(behind_proxies):
    # The visitor wrote "1.2.3.4"; our nginx (10.0.0.2) appended the address it saw.
    assert _address("10.0.0.2", "1.2.3.4, 198.51.100.9") == "198.51.100.9"
    assert _address("10.0.0.2", "198.51.100.9, 10.0.0.3") == "198.51.100.9"


def test_ipv6_peers_and_hops_are_understood(behind_proxies):
    assert _address("2001:db8::1", "2001:DB8::2, 2400:3200::1") == "2400:3200::1"


def test_garbage_in_the_header_stops_at_the_last_hop_we_can_vouch_for(behind_proxies):
    assert _address("10.0.0.2", "198.51.100.9, not-an-address") == "10.0.0.2"
    assert _address("10.0.0.2", "") == "10.0.0.2"
    assert _address("10.0.0.2", "10.0.0.3") == "10.0.0.3"


def test_a_request_without_a_peer_address_is_counted_as_unknown():
    assert _address("") == "unknown"
