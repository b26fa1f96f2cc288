"""How text is cut into search tokens, stored and queried alike, and the query syntaxes.

Stored tokens are every character bigram of each Chinese run of the normalised text,
plus each run of letters or digits, lower-cased, plus one place token per level of the
case's division (``d330681``, ``d330681109``, ``d330681109002``: county, township,
village), plus one block token for the case's block of ids (``blk38``: ids 38 × 2¹⁸ to
39 × 2¹⁸ − 1), which lets a search walk a long history newest block first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jiceng.textmining.normalize import normalize

MAX_QUERY_LENGTH = 100
# Chinese runs, and runs of other letters or digits: the pieces both stored text and queries
# are cut into. The database tokenizers (FTS5 unicode61, PostgreSQL's parser) keep them whole.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_QUERY_PART = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
# Division-code lengths with a place token: county, township, village. The token is a run
# of letters and digits that the database tokenizers keep whole and no place name contains.
PLACE_LEVELS = (6, 9, 12)
PLACE_MARK = "d"
# Case ids in blocks of 2**18 (262,144: about a month of a 10M-case city over three years).
# A block token bounds the index scan to one block, where an id range cannot
# (bench/city/README.md, "Session 10, bounded county search"). The mark makes a token no
# request plausibly contains (``n95`` would be a mask).
BLOCK_BITS = 18
BLOCK_MARK = "blk"


def place_tokens(division_code: str) -> list[str]:
    """The place tokens of a case located in ``division_code``: one per level it lies under."""
    return [
        place_token(division_code[:length])
        for length in PLACE_LEVELS
        if len(division_code) >= length
    ]


def place_token(code: str) -> str:
    return f"{PLACE_MARK}{code}"


def block_of(case_id: int) -> int:
    return case_id >> BLOCK_BITS


def block_token(block: int) -> str:
    return f"{BLOCK_MARK}{block}"


def row_text(case_id: int, text: str) -> str:
    """A search row's stored text: the case's tokens (``search_text``) and its block token."""
    return f"{text} {block_token(block_of(case_id))}"


def stored_tokens(raw: str) -> str:
    """The search tokens of a raw text, as stored (shared with the benchmark's generator)."""
    tokens: list[str] = []
    for part in _QUERY_PART.findall(normalize(raw).lower()):
        if _CJK_CHAR.match(part) and len(part) > 1:
            tokens.extend(_bigrams(part))
        else:
            tokens.append(part)
    return " ".join(tokens)


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
