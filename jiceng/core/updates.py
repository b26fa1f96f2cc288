"""Moved to :mod:`jiceng.core.fast.updates`; this name stays for existing imports."""

from jiceng.core.fast.updates import update_rows as update_rows
