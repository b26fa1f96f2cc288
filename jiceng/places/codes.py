"""Division-code prefixes as ranges: the one place that turns "under 330681" into SQL.

Division codes are digits, so the codes under ``330681`` are exactly those from
``330681`` up to (not including) ``330682``. Written as a range, an index on the
code serves the condition on both databases (SQLite cannot use one for ``LIKE``).
The upper bound is the next number of the same length, never a punctuation
character: PostgreSQL's linguistic collations ignore punctuation when comparing,
so ``'330681109:'`` would not sort after every code of 枫桥镇 (330681109).
"""

from __future__ import annotations

from django.db.models import Q


def next_code(code: str) -> str | None:
    """The next code of the same length (``330681`` → ``330682``), or None after ``99…``."""
    upper = str(int(code) + 1).zfill(len(code))
    return None if len(upper) > len(code) else upper


def code_range(field: str, prefix: str) -> Q:
    """``field`` (a division code) starts with ``prefix``, as an index-friendly range.

    An empty prefix is everything; a prefix that is not all digits starts no code,
    so it matches nothing.
    """
    if not prefix:
        return Q()
    if not prefix.isdigit():
        return Q(pk__in=[])
    upper = next_code(prefix)
    if upper is None:
        return Q(**{f"{field}__gte": prefix})
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": upper})
