"""Moved to :mod:`jiceng.core.fast.rows`; this name stays for existing imports."""

from jiceng.core.fast.rows import PlainQuery as PlainQuery
from jiceng.core.fast.rows import plain_rows as plain_rows
from jiceng.core.fast.statements import statement_cursor as statement_cursor
