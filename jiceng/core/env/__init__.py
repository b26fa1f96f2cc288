"""Strict parsers for settings read from the environment.

Every parser fails loudly with the variable's name and what was expected, and
accepts a ``NAME_FILE`` variant holding the path of a file with the value, so
secrets can come from mounted files instead of the process environment. Each one
records what it read, with its ``help`` text (:mod:`jiceng.core.env.registry`);
``docs/configuration.md`` is written from that record (:mod:`jiceng.core.env.docs`).
"""

from __future__ import annotations

from jiceng.core.env.fernet import fernet_key, fernet_keys
from jiceng.core.env.formats import csv_list, directory, hour_range, time_zone
from jiceng.core.env.keys import secret_bytes
from jiceng.core.env.network import networks, origin, redis_url
from jiceng.core.env.registry import section
from jiceng.core.env.values import boolean, choice, integer, raw, string

__all__ = [
    "boolean",
    "choice",
    "csv_list",
    "directory",
    "fernet_key",
    "fernet_keys",
    "hour_range",
    "integer",
    "networks",
    "origin",
    "raw",
    "redis_url",
    "secret_bytes",
    "section",
    "string",
    "time_zone",
]
