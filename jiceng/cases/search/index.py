"""How each database matches and ranks: SQL fragments around the query expression."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from jiceng.cases.models import Case, CaseSearch
from jiceng.cases.search.tokens import Term, fts5_expression, place_token, tsquery_expression

# Made by the ``case_full_text_search`` migration, not by Django: SQLite's FTS5 table
# beside the search rows, and PostgreSQL's generated tsvector column of those rows.
FTS_TABLE = "cases_casesearch_fts"
VECTOR_COLUMN = "vector"


@dataclass(frozen=True)
class Index:
    """How one database matches and ranks: SQL fragments around the query expression."""

    table: str
    key: str  # the index table's column holding the case id
    match: str
    rank: str  # an expression ordered ascending: best first
    expression: str
    exact: str = ""  # PostgreSQL: the phrases, checked on the newest candidates only
    phrases: bool = False  # PostgreSQL: whether a term is a phrase of several tokens
    rows: str = ""  # PostgreSQL: the search rows' table, quoted
    place: str = ""  # PostgreSQL: the place token's query, "" for none (a condition of its own)


def index_for(terms: list[Term], place: str) -> Index:
    """How to match ``terms`` in cases under ``place`` ("" for anywhere).

    The place token narrows what the index returns; it is required, never ranked. On
    SQLite it is one more term of the MATCH (bm25 scores the whole MATCH, so it adds the
    same small amount, shorter texts a little more, to all). On PostgreSQL it is a
    condition of its own on the vector, so a second GIN scan key: GIN then steps between
    the words' matches and the place's instead of checking the place's long posting list
    at every item of the rarest word, and a pair of words that never meet costs what
    their own lists cost (bench/city/README.md, "Session 13").
    """
    if connection.vendor == "postgresql":
        quote, meta = connection.ops.quote_name, CaseSearch._meta
        rows = quote(meta.db_table)
        vector = f"{rows}.{quote(VECTOR_COLUMN)}"
        tsquery = "to_tsquery('simple', %s)"
        return Index(
            table=meta.db_table,
            key=f"{rows}.{quote(str(meta.pk.column))}",  # type: ignore[union-attr]
            match=f"{vector} @@ {tsquery}",
            # Normalisation 1 divides by the log of the length, as bm25 favours short texts.
            rank=f"-ts_rank({vector}, {tsquery}, 1)",
            expression=tsquery_expression(terms, phrases=False),
            exact=tsquery_expression(terms),
            phrases=any(len(term.tokens) > 1 for term in terms),
            rows=rows,
            place=f"'{place_token(place)}'" if place else "",
        )
    return Index(
        table=FTS_TABLE,
        key=f"{FTS_TABLE}.rowid",
        match=f"{FTS_TABLE} MATCH %s",
        rank=f"bm25({FTS_TABLE})",  # lower is better
        expression=fts5_expression([Term((place_token(place),)), *terms] if place else terms),
    )


def case_id_column() -> str:
    return f"{connection.ops.quote_name(Case._meta.db_table)}.{connection.ops.quote_name('id')}"
