"""Moved to :mod:`jiceng.core.fast.inserts`; this name stays for existing imports."""

from jiceng.core.fast.inserts import insert_row as insert_row
