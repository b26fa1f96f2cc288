"""Reading: the cases of a queryset that hold every term of a query, best match first.

Results come best first: bm25 on SQLite, ts_rank on PostgreSQL, then newest first.
Only the newest :data:`RANKED_MATCHES` matches are ranked (bench/search.md).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from jiceng.cases.models import Case
from jiceng.cases.search import tokens
from jiceng.cases.search.index import Index, case_id_column, index_for
from jiceng.cases.search.places import Narrowing, implied_narrowing
from jiceng.cases.search.tokens import block_of, block_token, query_terms
from jiceng.places.codes import next_code

# At most this many matches, the newest, are ranked and listed (see search_cases).
RANKED_MATCHES = 1000
# The newest case ids searched first on PostgreSQL; widened while too few match.
FIRST_WINDOW = 50_000
WIDEN_AT_MOST = 16
# A place's history is read one block of ids a statement while the matches seen so far say
# at most this many more blocks are needed; beyond that, the rest in one statement.
FEW_BLOCKS = 4
# A search reads at most this many of a unit's cases outside its place in index order
# before reading them all (``_owned_outside``).
OWNED_OUTSIDE_AT_ONCE = 10_000


def _matching(cases: QuerySet[Case], index: Index) -> QuerySet[Case]:
    return cases.extra(  # noqa: S610 - fixed SQL; the query text is a parameter
        tables=[index.table],
        where=[f"{index.key} = {case_id_column()}", index.match],
        params=[index.expression],
    )


def _newest_first(matches: QuerySet[Case], index: Index) -> QuerySet[Case]:
    return matches.order_by().extra(order_by=[f"-{index.key}"])


def _ranked_sqlite(cases: QuerySet[Case], index: Index) -> QuerySet[Case]:
    # bm25 exists only inside an FTS5 MATCH, so the window is a range of ids on the FTS table:
    # from the RANKED_MATCHES-th newest match on.
    matches = _matching(cases, index)
    start = _newest_first(matches, index).values_list("pk", flat=True)[RANKED_MATCHES - 1 :][:1]
    oldest = next(iter(start), None)
    if oldest is not None:
        matches = matches.extra(where=[f"{index.key} >= %s"], params=[oldest])  # noqa: S610
    return matches.extra(select={"search_rank": index.rank})  # noqa: S610


def _newest_postgresql(cases: QuerySet[Case], index: Index, *, narrowing: Narrowing) -> list[int]:
    """The ids of the newest RANKED_MATCHES cases of ``cases`` that hold every token.

    The GIN index returns its matches in no order, so ordering all of a common word's
    matches reads them all (a city's quarter of a million). Case ids grow with time, so
    without a place to narrow to, the newest matches are looked for among the newest ids
    first, the window widened by what the last one held until it holds enough
    (bench/city/README.md, "Search"). A place's matches are looked for block by block
    (:func:`_newest_in_place`).
    """
    top = Case.objects.order_by("-pk").values_list("pk", flat=True).first()
    if top is None:
        return []
    if narrowing.place:
        owned = _owned_outside(narrowing)
        return _newest_in_place(cases, index, narrowing=narrowing, top=top, owned=owned)
    window = FIRST_WINDOW
    while True:
        low = max(top - window, 0)
        found = _newest_above(cases, index, narrowing=narrowing, low=low)
        if len(found) >= RANKED_MATCHES or low == 0:
            return found
        # Wide enough for half as many again as the density seen so far asks for.
        window *= min(WIDEN_AT_MOST, max(2, -(-3 * RANKED_MATCHES // (2 * len(found) or 1))))


def _newest_in_place(
    cases: QuerySet[Case], index: Index, *, narrowing: Narrowing, top: int, owned: list[int]
) -> list[int]:
    """A place's newest matches: the newest block of ids first, one block a statement.

    The GIN scan of a place's common word costs CPU on the word's whole posting list (125 ms
    at 10M); with the block token as a second condition GIN steps through the word's list
    from the block's first row, so one block costs what a month's matches cost, however long
    the history (bench/city/README.md, "Session 10, bounded county search"). Once an eighth
    of a block's worth of ids has been read and the matches seen so far say more than
    ``FEW_BLOCKS`` blocks would still be needed, the word is rare enough that the rest of
    the history is read in one statement. ``owned`` are the ids of the narrowing's units'
    cases outside its place (:func:`_owned_outside`).
    """
    found: list[int] = []
    block = block_of(top)
    read = 0  # ids of the blocks read so far
    while True:
        start = block << tokens.BLOCK_BITS
        found += _newest_above(cases, index, narrowing=narrowing, low=0, block=block, owned=owned)
        read += min(top + 1, (block + 1) << tokens.BLOCK_BITS) - start
        if len(found) >= RANKED_MATCHES or block == 0:
            return found[:RANKED_MATCHES]
        per_block = len(found) * (1 << tokens.BLOCK_BITS) / read
        sampled = read >= (1 << tokens.BLOCK_BITS) // 8
        if sampled and per_block * FEW_BLOCKS < RANKED_MATCHES - len(found):
            rest = _newest_above(cases, index, narrowing=narrowing, low=0, below=block, owned=owned)
            return (found + rest)[:RANKED_MATCHES]
        block -= 1


def _owned_outside(narrowing: Narrowing) -> list[int]:
    """The ids of the narrowing's units' cases outside its place, read once for a search.

    Those cases are few, the word's matches city-wide many, and the planner cannot tell
    (it takes a unit's cases to lie anywhere): so their ids are fetched first, through the
    ``case_owner_division`` index's two ranges outside the place's codes, and only their
    search rows are checked, in each statement that reads the place's matches.

    Each range is read in the index's order with a limit. Unbounded, the planner expected
    170,000 of a county centre's 200,000 cases outside its county (there were none) and
    sent two parallel workers to find them: 6 ms of the dispatcher's every search at 10M.
    A unit with more than :data:`OWNED_OUTSIDE_AT_ONCE` outside is read again whole.
    """
    if not narrowing.owners:
        return []
    table = connection.ops.quote_name(Case._meta.db_table)
    # Codes are digits: every code under the last place ("99…") sorts before a letter.
    outside = (("<", narrowing.place), (">=", next_code(narrowing.place) or "a"))
    # One part a unit and range, not an OR nor ``= ANY``: the index's order is kept.
    part = f"(SELECT id FROM {table} WHERE owner_id = %s AND division_id {{}} %s"  # noqa: S608
    parts = [part.format(side) + " ORDER BY division_id LIMIT %s)" for side, _ in outside]
    sql = " UNION ALL ".join(parts * len(narrowing.owners))
    for limit in (OWNED_OUTSIDE_AT_ONCE + 1, None):  # LIMIT NULL: every row
        params = [
            value
            for owner in narrowing.owners
            for _, code in outside
            for value in (owner, code, limit)
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [row[0] for row in cursor.fetchall()]
        if len(ids) <= OWNED_OUTSIDE_AT_ONCE:
            break
    return ids


def _in_blocks(index: Index, block: int | None, below: int | None) -> tuple[str, str, object]:
    """SQL holding the rows to one block (its token, for GIN) or to the blocks below one.

    The block is checked on the key as an expression, ``key >> bits``, which no index
    answers: an id range would be ANDed by the planner as a bitmap of every id in it.
    The token only narrows the GIN scan; the expression keeps a row whose own text holds
    a block token out of another block.
    """
    shifted = f"({index.key} >> {tokens.BLOCK_BITS})"
    if block is not None:
        return f" AND {index.match}", f" AND {shifted} = %s", block
    if below is not None:
        return "", f" AND {shifted} < %s", below
    return "", "", None


def _newest_above(
    cases: QuerySet[Case],
    index: Index,
    *,
    narrowing: Narrowing,
    low: int,
    block: int | None = None,
    below: int | None = None,
    owned: list[int] | None = None,
) -> list[int]:
    """The newest matches above ``low``: of one ``block`` only, or of the blocks ``below`` one."""
    above = f"{index.key} > %s"
    if not narrowing.place:
        matches = _matching(cases, index).extra(where=[above], params=[low])  # noqa: S610
        newest = _newest_first(matches, index)
    else:
        # The planner cannot estimate a scope (its range of codes is counted twice, in the OR
        # and in the area's own range: 1,490 rows for 60,000) and would check the vector of
        # every case in a township. So the GIN index answers first, once, for the place's
        # matches (an InitPlan), and the cases are walked newest first through those ids.
        # A scope that is the place OR some units' cases adds those units' matches outside it.
        # The place is a second condition on the vector (``index_for`` says why).
        token, within, bound = _in_blocks(index, block, below)
        candidates = (
            f"SELECT {index.key} FROM {index.rows}"  # noqa: S608
            f" WHERE {index.match} AND {index.match}{token}"
            f" AND {above}{within}"
        )
        params: list[object] = [index.expression, index.place]
        params += [block_token(block)] if block is not None else []
        params += [low, bound] if within else [low]
        if owned:
            candidates += (
                f" UNION ALL SELECT {index.key} FROM {index.rows}"  # noqa: S608
                f" WHERE {index.key} = ANY(%s) AND {index.match} AND {above}{within}"
            )
            params += [owned, index.expression, low, *([bound] if within else [])]
        newest = cases.extra(  # noqa: S610 - fixed SQL; the query is a parameter
            where=[f"{case_id_column()} = ANY(ARRAY({candidates}))"],
            params=params,
        ).order_by("-pk")
    return list(newest.values_list("pk", flat=True)[:RANKED_MATCHES])


def _ranked_postgresql(
    cases: QuerySet[Case], index: Index, *, narrowing: Narrowing
) -> QuerySet[Case]:
    # The GIN index alone finds the newest cases holding every token (reading a row's vector
    # is the expensive part); only those few are read, checked for the phrases and ranked.
    ids = _newest_postgresql(cases, index, narrowing=narrowing)
    # Without a phrase the ids already hold every term: the count need not read a vector.
    phrases = [index.match] if index.phrases else []
    # The ids as one array, not a thousand parameters to compile and bind (3–7 ms at 10M).
    return cases.extra(  # noqa: S610 - fixed SQL; the ids and the query are parameters
        tables=[index.table],
        where=[f"{case_id_column()} = ANY(%s)", f"{index.key} = {case_id_column()}", *phrases],
        params=[ids, *([index.exact] if index.phrases else [])],
        select={"search_rank": index.rank},
        select_params=[index.exact],
    )


def search_cases(cases: QuerySet[Case], query: str) -> QuerySet[Case]:
    """The cases of ``cases`` that hold every term of ``query``, best match first.

    ``cases`` is already scoped to the user, so the search can only narrow what
    they may see. A query without any letter, digit or ideograph finds nothing.

    Ranking reads every match it orders, and a common word can match a quarter
    of a million cases, so only the newest :data:`RANKED_MATCHES` matches are
    ranked and listed (as search engines cap their results); a narrower query
    reaches older cases. Finding the newest matches follows the index in id
    order and stops early; it runs here, when the query is built.
    """
    terms = query_terms(query)
    if not terms:
        return cases.none()
    narrowing = implied_narrowing(cases)
    if connection.vendor == "postgresql":
        ranked = _ranked_postgresql(cases, index_for(terms, narrowing.place), narrowing=narrowing)
    else:
        # FTS5 cannot add the owned cases outside the place: a place OR-ed with them is
        # not narrowed to on SQLite.
        place = "" if narrowing.owners else narrowing.place
        ranked = _ranked_sqlite(cases, index_for(terms, place))
    return ranked.order_by("search_rank", "-pk")
