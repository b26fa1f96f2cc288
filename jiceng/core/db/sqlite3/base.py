"""The backend moved to :mod:`jiceng.core.fast.sqlite3`; this ENGINE name stays valid."""

from jiceng.core.fast.sqlite3.base import DatabaseWrapper as DatabaseWrapper
