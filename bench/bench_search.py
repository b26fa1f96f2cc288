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
    .venv/bin/python bench/bench_search.py --skip-load --only-workbench  # scoped statements
    .venv/bin/python bench/bench_search.py --drop-pg                  # clean up

SQLite goes to /tmp/jiceng_bench_search.sqlite3, PostgreSQL to the database
``jiceng_bench_search`` (created; ``--drop-pg`` drops it); ``--sqlite-path`` and
``--pg-database`` choose others. Each row also gets the place tokens of its case's
village (``search.place_tokens``), and the load builds a ``cases_case`` table of the
same cases in those villages, which ``--workbench`` joins to time the workbench's
scoped statements as session 2 wrote them ("before") and as they are now.
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
ROWS = 1_000_000
PLACE_TOKENS = True  # False: rows as session 2 stored them, to compare the unscoped queries
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


def _village_codes() -> list[str]:
    with PLACES.open(encoding="utf-8", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle) if len(row["code"]) == 12]


def case_divisions(count: int, seed: int) -> list[str]:
    """The village of each case, by id (index 0 is case 1): the same in both tables."""
    codes, rng = _village_codes(), random.Random(seed + 1)
    return [rng.choice(codes) for _ in range(count)]


def rows(
    count: int, pool: list[str], rng: random.Random, divisions: list[str]
) -> Iterator[list[tuple[int, str]]]:
    """Batches of (case id, stored text): a pool text and the place tokens of the case's village."""
    for start in range(1, count + 1, BATCH):
        yield [
            (case_id, " ".join((rng.choice(pool), *_place_tokens(divisions[case_id - 1]))))
            for case_id in range(start, min(start + BATCH, count + 1))
        ]


def _place_tokens(division: str) -> list[str]:
    return search.place_tokens(division) if PLACE_TOKENS else []


# --- loading ---------------------------------------------------------------------------------


def load_sqlite(count: int, pool: list[str], seed: int) -> None:
    SQLITE_PATH.unlink(missing_ok=True)
    db = sqlite3.connect(SQLITE_PATH)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    for statement in SQLITE_SCHEMA:
        db.execute(statement)
    for batch in rows(count, pool, random.Random(seed), case_divisions(count, seed)):
        db.executemany("INSERT INTO cases_casesearch VALUES (?, ?)", batch)
        db.commit()
    loaded = time.perf_counter()
    db.execute(SQLITE_FTS)
    db.execute("INSERT INTO cases_casesearch_fts(cases_casesearch_fts) VALUES ('rebuild')")
    db.commit()
    built = time.perf_counter()
    db.execute("INSERT INTO cases_casesearch_fts(cases_casesearch_fts) VALUES ('optimize')")
    db.commit()
    add_case_table(db, count, seed)
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
            for batch in rows(count, pool, random.Random(seed), case_divisions(count, seed)):
                with cursor.copy("COPY cases_casesearch (case_id, text) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
        loaded = time.perf_counter()
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute(PG_INDEX)
        indexed = time.perf_counter()
        db.execute("VACUUM ANALYZE cases_casesearch")
        add_case_table(db, count, seed)
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
# decide the plan. "before": the scope as session 2 wrote it (LIKE on the division) and
# the query alone. "now": the same scope (permissions.py keeps LIKE: as a range of codes
# it made SQLite sort a whole county for the API's case list) and the place token of the
# area required in the index (search.implied_place).
SCOPES = {
    "before": "(c.owner_id = 4 OR c.division_id LIKE '{code}%') AND {tab}",
    "now": "(c.owner_id = 4 OR c.division_id LIKE '{code}%') AND {tab}",
}
# The area tab: other units' cases in the user's area. The own queue: the unit's open cases
# (unit 4 owns 1 in 600 of the cases, half of them open), which no place narrows.
TABS = {
    "area": "NOT (c.state = 'quarantined') AND NOT (c.owner_id = 4)"
    " AND c.division_id >= '{code}' AND c.division_id < '{upper}'",
    "queue": "c.owner_id = 4 AND c.state IN ('submitted', 'dispatched', 'accepted')",
}
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
VECTOR_CHECK = " AND f.vector @@ to_tsquery('simple', %s)"
WORKBENCH_PG = (
    "SELECT c.id FROM cases_case c, cases_casesearch f WHERE {scope} AND f.case_id = c.id"
    f"{VECTOR_CHECK} ORDER BY f.case_id DESC LIMIT {WINDOW}",
    "SELECT count(*) FROM cases_case c, cases_casesearch f WHERE {scope} AND c.id = ANY(%s)"
    f" AND f.case_id = c.id{VECTOR_CHECK}",
    "SELECT -ts_rank(f.vector, to_tsquery('simple', %s), 1), c.id"
    " FROM cases_case c, cases_casesearch f WHERE {scope} AND c.id = ANY(%s)"
    f" AND f.case_id = c.id{VECTOR_CHECK} ORDER BY 1, c.id DESC LIMIT 50",
)

# With the area's place token the GIN index answers first, once, and the cases are walked
# newest first through its ids (the planner cannot estimate the scope; see search.py).
WORKBENCH_PG_PLACE_FIRST = (
    "SELECT c.id FROM cases_case c WHERE {scope} AND c.id = ANY(ARRAY(SELECT case_id"
    " FROM cases_casesearch f WHERE f.vector @@ to_tsquery('simple', %s)))"
    f" ORDER BY c.id DESC LIMIT {WINDOW}"
)


def add_case_table(db: Any, count: int, seed: int) -> None:
    """``count`` cases in the villages their index rows name, with the model's indexes."""
    divisions = case_divisions(count, seed)
    rng = random.Random(seed)
    db.execute("DROP TABLE IF EXISTS cases_case")
    db.execute(
        "CREATE TABLE cases_case (id integer PRIMARY KEY, division_id varchar(12) NOT NULL,"
        " owner_id integer NOT NULL, state varchar(12) NOT NULL)"
    )
    insert = "INSERT INTO cases_case VALUES (?, ?, ?, ?)"
    for start in range(1, count + 1, BATCH):
        batch = [
            (i, divisions[i - 1], rng.randrange(1, 600), rng.choice(("accepted", "closed")))
            for i in range(start, min(start + BATCH, count + 1))
        ]
        if isinstance(db, sqlite3.Connection):
            db.executemany(insert, batch)
        else:
            with db.cursor() as cursor, cursor.copy("COPY cases_case FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
    db.execute("CREATE INDEX case_division_state ON cases_case (division_id, state)")
    db.execute("CREATE INDEX case_queue ON cases_case (owner_id, state)")
    db.execute("ANALYZE" if isinstance(db, sqlite3.Connection) else "ANALYZE cases_case")
    db.commit() if isinstance(db, sqlite3.Connection) else None


def _workbench_run(
    db: Any, statements: tuple[str, ...], vendor: str, text: str, place: str, now: bool
) -> int:
    first, count, page = statements
    terms = search.query_terms(text)
    narrowed = [search.Term((search.place_token(place),)), *terms] if place else terms
    if vendor == "postgresql":
        phrases = search.tsquery_expression(terms)
        candidates = search.tsquery_expression(narrowed, phrases=False)
        ids = [row[0] for row in db.execute(first, (candidates,)).fetchall()]
        if now and not any(len(term.tokens) > 1 for term in terms):
            # Now: without a phrase the ids hold every term and no vector is read to count.
            count, page = (sql.replace(VECTOR_CHECK, "") for sql in (count, page))
            total = db.execute(count, (ids,)).fetchone()[0]
            db.execute(page, (phrases, ids)).fetchall()
            return int(total)
        total = db.execute(count, (ids, phrases)).fetchone()[0]
        db.execute(page, (phrases, ids, phrases)).fetchall()
        return int(total)
    e = search.fts5_expression(narrowed)
    found = db.execute(first, (e,)).fetchone()
    start = found[0] if found else 0
    total = db.execute(count, (e, start)).fetchone()[0]
    db.execute(page, (e, start)).fetchall()
    return int(total)


def _has_case_table(db: Any) -> bool:
    if isinstance(db, sqlite3.Connection):
        found = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'cases_case'").fetchone()
    else:
        found = db.execute("SELECT to_regclass('cases_case')").fetchone()[0]
    return bool(found)


def time_workbench(queries: dict[str, str], repeat: int, databases: list[str], seed: int) -> None:
    scopes = {
        "township 枫桥镇": ("330681109", "area"),
        "village 天竺社区": ("330681109002", "area"),
        "own queue, 枫桥镇": ("330681109", "queue"),
    }
    lines = [
        "| query | database | scope | matches in scope | before (ms) | now (ms) |",
        "|---|---|---|---:|---:|---:|",
    ]
    print(f"load average: {os.getloadavg()}")
    for vendor in databases:
        db = sqlite3.connect(SQLITE_PATH) if vendor == "sqlite" else _pg(PG_DB)
        if not _has_case_table(db):
            add_case_table(db, ROWS, seed)
        templates = WORKBENCH_PG if vendor == "postgresql" else WORKBENCH_SQLITE
        for scope_name, (code, tab) in scopes.items():
            upper = str(int(code) + 1).zfill(len(code))
            # psycopg reads "%" as a placeholder: the LIKE pattern's must be doubled.
            like = "%%" if vendor == "postgresql" else "%"
            runs = {}
            for version, template in SCOPES.items():
                scope = template.replace("{tab}", TABS[tab]).replace("%", like)
                scope = scope.format(code=code, upper=upper)
                place = code if version == "now" and tab == "area" else ""
                if vendor == "postgresql" and place:
                    templates = (WORKBENCH_PG_PLACE_FIRST, *WORKBENCH_PG[1:])
                elif vendor == "postgresql":
                    templates = WORKBENCH_PG
                statements = tuple(sql.replace("{scope}", scope) for sql in templates)
                runs[version] = functools.partial(
                    _workbench_run, db, statements, vendor, place=place, now=version == "now"
                )
            for label, text in queries.items():
                totals = {version: run(text) for version, run in runs.items()}
                assert totals["before"] == totals["now"], (label, scope_name, totals)
                ms = {
                    v: _median_ms(functools.partial(run, text), repeat) for v, run in runs.items()
                }
                lines.append(
                    f"| {label} | {vendor} | {scope_name} | {totals['now']:,}"
                    f" | {ms['before']:.1f} | {ms['now']:.1f} |"
                )
                print(lines[-1], flush=True)
    print(f"load average: {os.getloadavg()}")
    print("\n".join(lines))


QUERIES = {
    "village name": "枫源村",
    "two-word phrase": "路灯坏了",
    "two words (AND)": "垃圾 臭味",
    "rare word": "香榧",
    "common word": "村里",
}


def _use(sqlite_path: Path, pg_database: str, rows: int) -> None:
    global SQLITE_PATH, PG_DB, ROWS  # one run, one place
    SQLITE_PATH, PG_DB, ROWS = sqlite_path, pg_database, rows


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
    parser.add_argument(
        "--only-workbench", action="store_true", help="time the workbench's statements only"
    )
    parser.add_argument(
        "--no-place-tokens", action="store_true", help="store rows without place tokens"
    )
    parser.add_argument("--sqlite-path", type=Path, default=SQLITE_PATH)
    parser.add_argument("--pg-database", default=PG_DB)
    args = parser.parse_args()
    _use(args.sqlite_path, args.pg_database, args.rows)
    global PLACE_TOKENS
    PLACE_TOKENS = not args.no_place_tokens
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
    if not args.only_workbench:
        time_queries(QUERIES, args.repeat, databases, full=not args.no_full)
    if args.workbench or args.only_workbench:
        time_workbench(QUERIES, args.repeat, databases, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
