"""Full-text search over cases in Chinese, on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

Writing: :func:`index_case` segments a case once, when it is written, and
stores the tokens in :class:`CaseSearch`; the database keeps its own index of
that row (see the ``case_full_text_search`` migration). :func:`reindex`
backfills.

Stored tokens are every character bigram of each Chinese run of the normalised
text (title, description, address, village and township name), plus each run of
letters or digits, lower-cased, plus one place token per level of the case's
division (``d330681``, ``d330681109``, ``d330681109002``: county, township,
village). Bigrams are the segmentation that never
disagrees with itself: a query word is not cut by a dictionary segmenter the
same way in a short query as inside a long text ("天竺社区" alone is one word,
inside "天竺社区居委会门口" it is not), so matching runs on bigrams whatever the
segmenter said. Storing jieba's words beside them was measured (bench/search.md):
it doubled the cost of a submission's index row and a third of the index size
for no match that bigrams miss, so the words are not stored.

Reading: :func:`search_cases` turns the query into terms the same way and
requires all of them. A run of Chinese characters in the query is matched as
the phrase of its bigrams, i.e. as an exact substring of the stored text.
Spaces separate terms: "路灯 不亮" finds cases holding both, "路灯不亮" the
phrase. Results come best first: bm25 on SQLite, ts_rank on PostgreSQL, then
newest first.

Scoped searches: when every case of the searched queryset lies under one division
(an area list says so with a range of division codes, a place filter too), the
place token of that division is required as well. The index then intersects the
query's matches with the place's cases itself, instead of the database checking
every match against the case table: a common word has a quarter of a million
matches, a village a few hundred of them (bench/search.md). The token only narrows
the candidates; the queryset's own conditions still decide what is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.db.models.lookups import GreaterThanOrEqual, LessThan, StartsWith
from django.db.models.sql.where import AND, WhereNode

from jiceng.cases.models import Case, CaseSearch
from jiceng.core import pii
from jiceng.core.memo import memo
from jiceng.places.codes import next_code
from jiceng.places.models import Division
from jiceng.textmining.normalize import normalize

MAX_QUERY_LENGTH = 100
# At most this many matches, the newest, are ranked and listed (see search_cases).
RANKED_MATCHES = 1000
# Chinese runs, and runs of other letters or digits: the pieces both stored text and queries
# are cut into. The database tokenizers (FTS5 unicode61, PostgreSQL's parser) keep them whole.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_QUERY_PART = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
TOWNSHIP_CODE_LENGTH = 9
# Division-code lengths with a place token: county, township, village. The token is a run
# of letters and digits that the database tokenizers keep whole and no place name contains.
PLACE_LEVELS = (6, 9, 12)
PLACE_MARK = "d"


# --- place names ----------------------------------------------------------------------------


# Each name is trusted for five minutes: renames are rare.
@memo("cases.township_names", seconds=300.0, limit=50_000)
def township_name(code: str) -> str:
    return Division.objects.filter(pk=code).values_list("name", flat=True).first() or ""


# --- writing ---------------------------------------------------------------------------------


def _place_names(case: Case) -> tuple[str, str]:
    """The case's village name and its township's, without loading what the caller loaded."""
    village = case.division.name if Case.division.is_cached(case) else ""
    if not village:
        village = Division.objects.filter(pk=case.division_id).values_list("name", flat=True)[0]
    return village, township_name(case.division_id[:TOWNSHIP_CODE_LENGTH])


def search_text(case: Case) -> str:
    """The tokens stored for a case: title, description, address, village and township."""
    village, township = _place_names(case)
    # The masked text: a phone or ID number typed into a request must not be found by it,
    # nor sit in clear in the index.
    masked = (pii.mask_text(case.title), pii.mask_text(case.description))
    text = stored_tokens(" ".join((*masked, pii.mask_address(case.address), village, township)))
    return " ".join((text, *place_tokens(case.division_id)))


def place_tokens(division_code: str) -> list[str]:
    """The place tokens of a case located in ``division_code``: one per level it lies under."""
    return [
        place_token(division_code[:length])
        for length in PLACE_LEVELS
        if len(division_code) >= length
    ]


def place_token(code: str) -> str:
    return f"{PLACE_MARK}{code}"


def stored_tokens(raw: str) -> str:
    """The search tokens of a raw text, as stored (shared with the benchmark's generator)."""
    tokens: list[str] = []
    for part in _QUERY_PART.findall(normalize(raw).lower()):
        if _CJK_CHAR.match(part) and len(part) > 1:
            tokens.extend(_bigrams(part))
        else:
            tokens.append(part)
    return " ".join(tokens)


def index_case(case: Case) -> None:
    """Store (or replace) the case's search row; call it when its title, text or place change.

    One written-out upsert: this runs inside every submission, where compiling the ORM's
    ``bulk_create(update_conflicts=...)`` cost more than the statement itself.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO cases_casesearch (case_id, text) VALUES (%s, %s) "
            "ON CONFLICT (case_id) DO UPDATE SET text = excluded.text",
            [case.pk, search_text(case)],
        )


def _upsert(rows: list[CaseSearch]) -> None:
    # One statement per batch; the FTS5 triggers see an insert or an update as fits.
    CaseSearch.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["case"], update_fields=["text"]
    )


def reindex(cases: QuerySet[Case] | None = None, *, batch: int = 1000) -> int:
    """Rebuild the search rows of ``cases`` (all cases by default); returns how many.

    Walks the cases in primary-key order, ``batch`` at a time, so memory stays flat
    at any size.
    """
    source = (Case.objects.all() if cases is None else cases).order_by("pk")
    source = source.select_related("division").only(
        "pk", "title", "description", "address", "division__name"
    )
    done, last = 0, 0
    while True:
        chunk = list(source.filter(pk__gt=last)[:batch])
        if not chunk:
            return done
        _upsert([CaseSearch(case_id=case.pk, text=search_text(case)) for case in chunk])
        done, last = done + len(chunk), chunk[-1].pk


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One required term of a query: a phrase of tokens, or a prefix (one Chinese character)."""

    tokens: tuple[str, ...]
    prefix: bool = False


def _bigrams(run: str) -> tuple[str, ...]:
    return tuple(run[i : i + 2] for i in range(len(run) - 1))


def query_terms(query: str) -> list[Term]:
    """The terms all of which a case must hold to match ``query``."""
    terms: list[Term] = []
    for part in _QUERY_PART.findall(normalize(query[:MAX_QUERY_LENGTH]).lower()):
        if _CJK_CHAR.match(part):
            terms.append(Term(_bigrams(part)) if len(part) > 1 else Term((part,), prefix=True))
        else:
            terms.append(Term((part,)))
    return list(dict.fromkeys(terms))


def fts5_expression(terms: list[Term]) -> str:
    """SQLite FTS5 query syntax: quoted phrases joined by AND; ``"路"*`` for a prefix."""
    return " AND ".join('"' + " ".join(t.tokens) + '"' + ("*" if t.prefix else "") for t in terms)


def tsquery_expression(terms: list[Term], *, phrases: bool = True) -> str:
    """PostgreSQL ``to_tsquery`` syntax: ``'天竺' <-> '竺社'`` phrases joined by ``&``.

    With ``phrases=False`` the tokens of a phrase are only all required (``&``): the GIN
    index answers that alone, while a phrase makes it recheck every candidate row.
    """
    joint = " <-> " if phrases else " & "
    parts = []
    for term in terms:
        quoted = [f"'{token}'" for token in term.tokens]
        parts.append(f"{quoted[0]}:*" if term.prefix else "(" + joint.join(quoted) + ")")
    return " & ".join(parts)


@dataclass(frozen=True)
class _Index:
    """How one database matches and ranks: SQL fragments around the query expression."""

    table: str
    key: str  # the index table's column holding the case id
    match: str
    rank: str  # an expression ordered ascending: best first
    expression: str
    exact: str = ""  # PostgreSQL: the phrases, checked on the newest candidates only
    phrases: bool = False  # PostgreSQL: whether a term is a phrase of several tokens


def _index(terms: list[Term], place: str) -> _Index:
    # The place token narrows what the index returns; it is required, never ranked on
    # PostgreSQL (where the phrases are ranked separately). On SQLite bm25 scores the
    # whole MATCH, so it adds the same small amount, shorter texts a little more, to all.
    narrowed = [Term((place_token(place),)), *terms] if place else terms
    if connection.vendor == "postgresql":
        tsquery = "to_tsquery('simple', %s)"
        return _Index(
            table="cases_casesearch",
            key="cases_casesearch.case_id",
            match=f"cases_casesearch.vector @@ {tsquery}",
            # Normalisation 1 divides by the log of the length, as bm25 favours short texts.
            rank=f"-ts_rank(cases_casesearch.vector, {tsquery}, 1)",
            expression=tsquery_expression(narrowed, phrases=False),
            exact=tsquery_expression(terms),
            phrases=any(len(term.tokens) > 1 for term in terms),
        )
    return _Index(
        table="cases_casesearch_fts",
        key="cases_casesearch_fts.rowid",
        match="cases_casesearch_fts MATCH %s",
        rank="bm25(cases_casesearch_fts)",  # lower is better
        expression=fts5_expression(narrowed),
    )


def _conditions(where: WhereNode) -> list[object]:
    """The conditions a where clause requires outright (those joined by AND, not negated)."""
    if where.connector != AND or where.negated:
        return []
    found: list[object] = []
    for child in where.children:
        found.extend(_conditions(child) if isinstance(child, WhereNode) else [child])
    return found


def implied_place(cases: QuerySet[Case]) -> str:
    """The narrowest division with a place token that every case of ``cases`` lies under, or "".

    Read from the queryset's own conditions on the case's division that hold outright:
    a range of codes (``selectors.within``, the area list and the place filter) or a
    code prefix. A condition under OR or NOT is ignored, so the answer can be too wide
    (no narrowing), never too narrow. Division codes are digits; a case's is a village's.
    """
    lowest, highest, prefixes = "", "", []
    for condition in _conditions(cases.query.where):
        lhs, rhs = getattr(condition, "lhs", None), getattr(condition, "rhs", None)
        if getattr(getattr(lhs, "target", None), "column", None) != "division_id":
            continue
        if getattr(lhs, "alias", None) != Case._meta.db_table or not isinstance(rhs, str):
            continue
        if isinstance(condition, StartsWith):
            prefixes.append(rhs)
        elif isinstance(condition, GreaterThanOrEqual):
            lowest = max(lowest, rhs)
        elif isinstance(condition, LessThan):
            highest = min(highest, rhs) if highest else rhs
    for length in reversed(PLACE_LEVELS):
        codes = [prefix[:length] for prefix in prefixes]
        bound = lowest[:length]  # bound <= lowest <= code < highest <= next: starts with bound
        if bound.isdigit() and highest and highest <= (next_code(bound) or highest):
            codes.append(bound)
        for code in codes:
            if len(code) == length and code.isdigit():
                return code
    return ""


def _matching(cases: QuerySet[Case], index: _Index) -> QuerySet[Case]:
    return cases.extra(  # noqa: S610 - fixed SQL; the query text is a parameter
        tables=[index.table],
        where=[f"{index.key} = {_case_id()}", index.match],
        params=[index.expression],
    )


def _newest_first(matches: QuerySet[Case], index: _Index) -> QuerySet[Case]:
    return matches.order_by().extra(order_by=[f"-{index.key}"])


def _ranked_sqlite(cases: QuerySet[Case], index: _Index) -> QuerySet[Case]:
    # bm25 exists only inside an FTS5 MATCH, so the window is a range of ids on the FTS table:
    # from the RANKED_MATCHES-th newest match on.
    matches = _matching(cases, index)
    start = _newest_first(matches, index).values_list("pk", flat=True)[RANKED_MATCHES - 1 :][:1]
    oldest = next(iter(start), None)
    if oldest is not None:
        matches = matches.extra(where=[f"{index.key} >= %s"], params=[oldest])  # noqa: S610
    return matches.extra(select={"search_rank": index.rank})  # noqa: S610


def _newest_postgresql(cases: QuerySet[Case], index: _Index, *, place: str) -> list[int]:
    """The ids of the newest RANKED_MATCHES cases of ``cases`` that hold every token."""
    if not place:
        newest = _newest_first(_matching(cases, index), index)
    else:
        # The planner cannot estimate a scope (its range of codes is counted twice, in the OR
        # and in the area's own range: 1,490 rows for 60,000) and would check the vector of
        # every case in a township. So the GIN index answers first, once, for the place's
        # matches (an InitPlan), and the cases are walked newest first through those ids.
        candidates = f"SELECT case_id FROM cases_casesearch WHERE {index.match}"  # noqa: S608
        newest = cases.extra(  # noqa: S610 - fixed SQL; the query is a parameter
            where=[f"{_case_id()} = ANY(ARRAY({candidates}))"], params=[index.expression]
        ).order_by("-pk")
    return list(newest.values_list("pk", flat=True)[:RANKED_MATCHES])


def _case_id() -> str:
    return f"{connection.ops.quote_name(Case._meta.db_table)}.{connection.ops.quote_name('id')}"


def _ranked_postgresql(cases: QuerySet[Case], index: _Index, *, place: str) -> QuerySet[Case]:
    # The GIN index alone finds the newest cases holding every token (reading a row's vector
    # is the expensive part); only those few are read, checked for the phrases and ranked.
    ids = _newest_postgresql(cases, index, place=place)
    # Without a phrase the ids already hold every term: the count need not read a vector.
    phrases = [index.match] if index.phrases else []
    return cases.filter(pk__in=ids).extra(  # noqa: S610 - fixed SQL; the query is a parameter
        tables=[index.table],
        where=[f"{index.key} = {_case_id()}", *phrases],
        params=[index.exact] if index.phrases else [],
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
    place = implied_place(cases)
    index = _index(terms, place)
    if connection.vendor == "postgresql":
        ranked = _ranked_postgresql(cases, index, place=place)
    else:
        ranked = _ranked_sqlite(cases, index)
    return ranked.order_by("search_rank", "-pk")
