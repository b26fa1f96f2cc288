"""Full-text case search at 1,000,000 cases: SQLite FTS5 and PostgreSQL tsvector + GIN.

Generates the search rows of N cases straight into the index table (not through
``case_submit``: a million submissions would take the best part of two hours, and
what is measured here is the index), then times ranked top-20 queries built by
``jiceng.cases.search`` exactly as the workbench builds them.

Texts are realistic and stream from a pool: requests written by
``jiceng.demo.texts`` for the 515 villages of 诸暨市 and real messages to a city
government (teddy2020 附件3 and 附件4), segmented once each by the same
token function the application stores (``search.stored_tokens``); every row
gets a pool text and the names of the village the text was written for. Rows are
generated and written in batches, so memory stays flat.

    .venv/bin/python bench/bench_search.py --rows 1000000            # both databases
    .venv/bin/python bench/bench_search.py --skip-load --repeat 31    # re-time only
    .venv/bin/python bench/bench_search.py --drop-pg                  # clean up

SQLite goes to /tmp/jiceng_bench_search.sqlite3, PostgreSQL to the database
``jiceng_bench_search`` (created; ``--drop-pg`` drops it).
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("JICENG_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")

import django  # noqa: E402

django.setup()

from jiceng.cases import search  # noqa: E402
from jiceng.demo import texts  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "teddy2020"
PLACES = ROOT / "jiceng" / "places" / "data" / "330681.csv"
SQLITE_PATH = Path("/tmp/jiceng_bench_search.sqlite3")  # noqa: S108 - a throwaway benchmark file
PG_SERVER = "postgres://postgres@127.0.0.1:5432/"
PG_DB = "jiceng_bench_search"
CATEGORIES = texts.CATEGORY_CODES
BATCH = 20_000

# The schema the migration creates, with the application's table and index names.
SQLITE_SCHEMA = [
    "CREATE TABLE cases_casesearch (case_id integer NOT NULL PRIMARY KEY, text text NOT NULL)",
]
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE cases_casesearch_fts USING fts5("
    "text, content='cases_casesearch', content_rowid='case_id', tokenize='unicode61')"
)
PG_SCHEMA = [
    "CREATE TABLE cases_casesearch (case_id integer NOT NULL PRIMARY KEY, text text NOT NULL,"
    " vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED)",
    "ALTER TABLE cases_casesearch SET (toast_tuple_target = 128)",
    "ALTER TABLE cases_casesearch ALTER COLUMN text SET COMPRESSION lz4",
    "ALTER TABLE cases_casesearch ALTER COLUMN vector SET COMPRESSION lz4",
]
PG_INDEX = "CREATE INDEX cases_casesearch_vector ON cases_casesearch USING gin (vector)"


# --- the pool of texts -----------------------------------------------------------------------


def _villages() -> list[tuple[str, str]]:
    with PLACES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = {row["code"]: row["name"] for row in rows}
    return [(row["name"], names[row["parentCode"]]) for row in rows if len(row["code"]) == 12]


def _real_messages() -> Iterator[str]:
    for name, columns in (
        ("hot_issues_附件3.csv", ("留言主题", "留言详情")),
        ("replies_附件4.csv", ("留言主题", "留言详情")),
    ):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield " ".join(row.get(column, "") for column in columns)


def build_pool(size: int, rng: random.Random) -> list[str]:
    """``size`` stored-token texts, about a fifth of them real messages; each with its places."""
    villages = _villages()
    real = list(_real_messages())
    pool: list[str] = []
    started = time.perf_counter()
    for index in range(size):
        village, township = rng.choice(villages)
        if index % 5 == 4:
            raw = rng.choice(real)
        else:
            title, description = texts.request_text(
                rng.choice(CATEGORIES), rng, village=village, township=township
            )
            raw = f"{title} {description} {texts.address(rng, village=village)}"
        pool.append(search.stored_tokens(f"{raw} {village} {township}"))
    seconds = time.perf_counter() - started
    print(f"pool: {size} texts segmented in {seconds:.1f} s ({seconds / size * 1000:.2f} ms each)")
    return pool


def rows(count: int, pool: list[str], rng: random.Random) -> Iterator[list[tuple[int, str]]]:
    for start in range(1, count + 1, BATCH):
        yield [
            (case_id, rng.choice(pool)) for case_id in range(start, min(start + BATCH, count + 1))
        ]


# --- loading ---------------------------------------------------------------------------------


def load_sqlite(count: int, pool: list[str], seed: int) -> None:
    SQLITE_PATH.unlink(missing_ok=True)
    db = sqlite3.connect(SQLITE_PATH)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    for statement in SQLITE_SCHEMA:
        db.execute(statement)
    for batch in rows(count, pool, random.Random(seed)):
        db.executemany("INSERT INTO cases_casesearch VALUES (?, ?)", batch)
        db.commit()
    loaded = time.perf_counter()
    db.execute(SQLITE_FTS)
    db.execute("INSERT INTO cases_casesearch_fts(cases_casesearch_fts) VALUES ('rebuild')")
    db.commit()
    built = time.perf_counter()
    db.execute("INSERT INTO cases_casesearch_fts(cases_casesearch_fts) VALUES ('optimize')")
    db.commit()
    db.close()
    size = SQLITE_PATH.stat().st_size / 2**20
    print(
        f"sqlite: rows {loaded - started:.0f} s, FTS5 rebuild {built - loaded:.0f} s, "
        f"optimize {time.perf_counter() - built:.0f} s, file {size:.0f} MiB"
    )


def _pg(dbname: str = "postgres", autocommit: bool = True) -> Any:
    import psycopg

    return psycopg.connect(PG_SERVER + dbname, autocommit=autocommit)


def drop_pg() -> None:
    with _pg() as server:
        server.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
    print(f"dropped {PG_DB}")


def load_pg(count: int, pool: list[str], seed: int) -> None:
    drop_pg()
    with _pg() as server:
        server.execute(f"CREATE DATABASE {PG_DB}")
    started = time.perf_counter()
    with _pg(PG_DB) as db:
        for statement in PG_SCHEMA:
            db.execute(statement)
        with db.cursor() as cursor:
            for batch in rows(count, pool, random.Random(seed)):
                with cursor.copy("COPY cases_casesearch (case_id, text) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
        loaded = time.perf_counter()
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute(PG_INDEX)
        indexed = time.perf_counter()
        db.execute("VACUUM ANALYZE cases_casesearch")
        size = db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20
    print(
        f"postgresql: rows (with tsvector) {loaded - started:.0f} s, "
        f"GIN {indexed - loaded:.0f} s, database {size:.0f} MiB"
    )


# --- timing ----------------------------------------------------------------------------------

WINDOW = search.RANKED_MATCHES
# What search.search_cases runs, on the index table alone. SQLite: where the newest WINDOW
# matches start, then the matches from there ranked (bm25 exists only inside a MATCH).
# PostgreSQL: the ids of the newest WINDOW matches, then those rows ranked. Best first, then
# newest. "full" ranks every match.
SQLITE = {
    "start": "SELECT rowid FROM cases_casesearch_fts WHERE cases_casesearch_fts MATCH ?"
    f" ORDER BY rowid DESC LIMIT 1 OFFSET {WINDOW - 1}",
    "ranked": "SELECT rowid FROM cases_casesearch_fts WHERE cases_casesearch_fts MATCH ?"
    " AND rowid >= ? ORDER BY bm25(cases_casesearch_fts), rowid DESC LIMIT 20",
    "full": "SELECT rowid FROM cases_casesearch_fts WHERE cases_casesearch_fts MATCH ?"
    " ORDER BY bm25(cases_casesearch_fts), rowid DESC LIMIT 20",
    "count": "SELECT count(*) FROM cases_casesearch_fts WHERE cases_casesearch_fts MATCH ?",
}
PG = {
    "start": "SELECT case_id FROM cases_casesearch WHERE vector @@ to_tsquery('simple', %s)"
    f" ORDER BY case_id DESC LIMIT {WINDOW}",
    "ranked": "SELECT case_id FROM cases_casesearch, to_tsquery('simple', %s) q"
    " WHERE case_id = ANY(%s) AND vector @@ q"
    " ORDER BY ts_rank(vector, q, 1) DESC, case_id DESC LIMIT 20",
    "full": "SELECT case_id FROM cases_casesearch, to_tsquery('simple', %s) q WHERE vector @@ q"
    " ORDER BY ts_rank(vector, q, 1) DESC, case_id DESC LIMIT 20",
    "count": "SELECT count(*) FROM cases_casesearch WHERE vector @@ to_tsquery('simple', %s)",
}


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm the cache once: the index of a live system is in memory
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _searcher(db: Any, sql: dict[str, str]) -> Callable[[str], list[Any]]:
    """The two statements of search_cases, as one call."""

    def run(text: str) -> list[Any]:
        terms = search.query_terms(text)
        if sql is PG:  # the ids of the newest candidates (all tokens), then phrases checked, ranked
            candidates = search.tsquery_expression(terms, phrases=False)
            ids = [row[0] for row in db.execute(sql["start"], (candidates,)).fetchall()]
            return db.execute(sql["ranked"], (search.tsquery_expression(terms), ids)).fetchall()
        expression = search.fts5_expression(terms)
        start = db.execute(sql["start"], (expression,)).fetchone()
        return db.execute(sql["ranked"], (expression, start[0] if start else 0)).fetchall()

    return run


def time_queries(queries: dict[str, str], repeat: int, databases: list[str], full: bool) -> None:
    print(f"load average: {os.getloadavg()}")
    lines = [
        "| query | text | database | matches | search_cases top 20 (ms) | rank all matches (ms) |",
        "|---|---|---|---:|---:|---:|",
    ]
    connections = {}
    if "sqlite" in databases:
        connections["SQLite"] = (sqlite3.connect(SQLITE_PATH), SQLITE, search.fts5_expression)
    if "postgresql" in databases:
        connections["PostgreSQL"] = (_pg(PG_DB), PG, search.tsquery_expression)
    for label, text in queries.items():
        terms = search.query_terms(text)
        for name, (db, sql, build) in connections.items():
            expression = build(terms)
            matches = db.execute(sql["count"], (expression,)).fetchone()[0]
            run = _searcher(db, sql)
            windowed = _median_ms(lambda run=run, t=text: run(t), repeat)
            everything = "—"
            if full:
                ms = _median_ms(
                    lambda db=db, q=sql["full"], e=expression: db.execute(q, (e,)).fetchall(),
                    max(3, repeat // 4),
                )
                everything = f"{ms:.1f}"
            lines.append(
                f"| {label} | {text} | {name} | {matches:,} | {windowed:.1f} | {everything} |"
            )
            print(lines[-1], flush=True)
    print("\n".join(lines))


# --- the workbench's statements, joined with a case table ---------------------------------

# The statements Django sends for the workbench's area list with a search (the newest
# matches, the paginator's count, the first page of 50), cut down to the columns that
# decide the plan.
SCOPE = (
    "(c.owner_id = 4 OR c.division_id LIKE '{code}%') AND NOT (c.state = 'quarantined')"
    " AND NOT (c.owner_id = 4) AND c.division_id >= '{code}' AND c.division_id < '{upper}'"
)
FTS_BODY = (
    "FROM cases_case c, cases_casesearch_fts WHERE {scope}"
    " AND cases_casesearch_fts.rowid = c.id AND cases_casesearch_fts MATCH ?"
)
WORKBENCH_SQLITE = (
    "SELECT c.id " + FTS_BODY + " ORDER BY cases_casesearch_fts.rowid DESC"
    f" LIMIT 1 OFFSET {WINDOW - 1}",
    "SELECT count(*) " + FTS_BODY + " AND cases_casesearch_fts.rowid >= ?",
    "SELECT bm25(cases_casesearch_fts), c.id " + FTS_BODY + " AND cases_casesearch_fts.rowid >= ?"
    " ORDER BY 1, c.id DESC LIMIT 50",
)
WORKBENCH_PG = (
    "SELECT c.id FROM cases_case c, cases_casesearch f WHERE {scope} AND f.case_id = c.id"
    f" AND f.vector @@ to_tsquery('simple', %s) ORDER BY f.case_id DESC LIMIT {WINDOW}",
    "SELECT count(*) FROM cases_case c, cases_casesearch f WHERE {scope} AND c.id = ANY(%s)"
    " AND f.case_id = c.id AND f.vector @@ to_tsquery('simple', %s)",
    "SELECT -ts_rank(f.vector, to_tsquery('simple', %s), 1), c.id"
    " FROM cases_case c, cases_casesearch f WHERE {scope} AND c.id = ANY(%s)"
    " AND f.case_id = c.id AND f.vector @@ to_tsquery('simple', %s) ORDER BY 1, c.id DESC LIMIT 50",
)


def add_case_table(db: Any, count: int, seed: int) -> None:
    """A case table of ``count`` rows in random villages of 诸暨市, with the model's indexes."""
    codes = [
        row["code"]
        for row in csv.DictReader(PLACES.open(encoding="utf-8"))
        if len(row["code"]) == 12
    ]
    rng = random.Random(seed)
    db.execute("DROP TABLE IF EXISTS cases_case")
    db.execute(
        "CREATE TABLE cases_case (id integer PRIMARY KEY, division_id varchar(12) NOT NULL,"
        " owner_id integer NOT NULL, state varchar(12) NOT NULL)"
    )
    mark = "?" if isinstance(db, sqlite3.Connection) else "%s"
    insert = f"INSERT INTO cases_case VALUES ({mark}, {mark}, {mark}, {mark})"
    for start in range(1, count + 1, BATCH):
        batch = [
            (i, rng.choice(codes), rng.randrange(1, 600), rng.choice(("accepted", "closed")))
            for i in range(start, min(start + BATCH, count + 1))
        ]
        if isinstance(db, sqlite3.Connection):
            db.executemany(insert, batch)
        else:
            with db.cursor() as cursor:
                cursor.executemany(insert, batch)
    db.execute("CREATE INDEX case_division_state ON cases_case (division_id, state)")
    db.execute("ANALYZE" if isinstance(db, sqlite3.Connection) else "ANALYZE cases_case")
    db.commit() if isinstance(db, sqlite3.Connection) else None


def _workbench_run(db: Any, statements: tuple[str, ...], vendor: str, text: str) -> int:
    first, count, page = statements
    terms = search.query_terms(text)
    if vendor == "postgresql":
        phrases = search.tsquery_expression(terms)
        candidates = search.tsquery_expression(terms, phrases=False)
        ids = [row[0] for row in db.execute(first, (candidates,)).fetchall()]
        total = db.execute(count, (ids, phrases)).fetchone()[0]
        db.execute(page, (phrases, ids, phrases)).fetchall()
        return int(total)
    e = search.fts5_expression(terms)
    found = db.execute(first, (e,)).fetchone()
    start = found[0] if found else 0
    total = db.execute(count, (e, start)).fetchone()[0]
    db.execute(page, (e, start)).fetchall()
    return int(total)


def time_workbench(queries: dict[str, str], repeat: int, databases: list[str], seed: int) -> None:
    scopes = {"township 枫桥镇": "330681109", "village 天竺社区": "330681109002"}
    lines = [
        "| query | database | scope | matches in scope | newest + count + page (ms) |",
        "|---|---|---|---:|---:|",
    ]
    for vendor in databases:
        db = sqlite3.connect(SQLITE_PATH) if vendor == "sqlite" else _pg(PG_DB)
        add_case_table(db, 1_000_000, seed)
        for scope_name, code in scopes.items():
            upper = str(int(code) + 1).zfill(len(code))
            # psycopg reads "%" as a placeholder: the LIKE pattern's must be doubled.
            like = "%%" if vendor == "postgresql" else "%"
            scope = SCOPE.replace("%", like).format(code=code, upper=upper)
            templates = WORKBENCH_PG if vendor == "postgresql" else WORKBENCH_SQLITE
            statements = tuple(sql.replace("{scope}", scope) for sql in templates)
            for label, text in queries.items():
                run = functools.partial(_workbench_run, db, statements, vendor, text)
                ms = _median_ms(run, repeat)
                lines.append(f"| {label} | {vendor} | {scope_name} | {run():,} | {ms:.1f} |")
                print(lines[-1], flush=True)
    print("\n".join(lines))


QUERIES = {
    "village name": "枫源村",
    "two-word phrase": "路灯坏了",
    "two words (AND)": "垃圾 臭味",
    "rare word": "香榧",
    "common word": "村里",
}


def _use(sqlite_path: Path, pg_database: str) -> None:
    global SQLITE_PATH, PG_DB  # one run, one place
    SQLITE_PATH, PG_DB = sqlite_path, pg_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pool", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--seed", type=int, default=330681)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--skip-load", action="store_true", help="time the existing data")
    parser.add_argument("--drop-pg", action="store_true", help=f"drop {PG_DB} and stop")
    parser.add_argument("--no-full", action="store_true", help="skip ranking every match")
    parser.add_argument(
        "--workbench", action="store_true", help="also time the workbench's joined statements"
    )
    parser.add_argument("--sqlite-path", type=Path, default=SQLITE_PATH)
    parser.add_argument("--pg-database", default=PG_DB)
    args = parser.parse_args()
    _use(args.sqlite_path, args.pg_database)
    if args.drop_pg:
        drop_pg()
        return 0
    databases = args.database or ["sqlite", "postgresql"]
    if not args.skip_load:
        pool = build_pool(args.pool, random.Random(args.seed))
        if "sqlite" in databases:
            load_sqlite(args.rows, pool, args.seed)
        if "postgresql" in databases:
            load_pg(args.rows, pool, args.seed)
    time_queries(QUERIES, args.repeat, databases, full=not args.no_full)
    if args.workbench:
        time_workbench(QUERIES, args.repeat, databases, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
