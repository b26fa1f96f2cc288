"""Strict parsers for settings read from the environment.

Every parser fails loudly with the variable's name and what was expected, and
accepts a ``NAME_FILE`` variant holding the path of a file with the value, so
secrets can come from mounted files instead of the process environment. Each one
records what it read, with its ``help`` text (:mod:`jiceng.core.env.registry`);
``docs/configuration.md`` is written from that record (:mod:`jiceng.core.env.docs`).
"""

from jiceng.core.env.directories import directory as directory
from jiceng.core.env.fernet import fernet_key as fernet_key
from jiceng.core.env.fernet import fernet_keys as fernet_keys
from jiceng.core.env.hours import hour_range as hour_range
from jiceng.core.env.ip_networks import networks as networks
from jiceng.core.env.keys import secret_bytes as secret_bytes
from jiceng.core.env.lists import csv_list as csv_list
from jiceng.core.env.origins import origin as origin
from jiceng.core.env.redis import redis_url as redis_url
from jiceng.core.env.registry import section as section
from jiceng.core.env.values import boolean as boolean
from jiceng.core.env.values import choice as choice
from jiceng.core.env.values import integer as integer
from jiceng.core.env.values import raw as raw
from jiceng.core.env.values import string as string
from jiceng.core.env.zones import time_zone as time_zone
