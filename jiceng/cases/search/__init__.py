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

Modules: :mod:`.tokens` (cutting text and queries), :mod:`.writing` (the rows),
:mod:`.index` and :mod:`.ranking` (matching and ranking), :mod:`.places` (scoping).

Scoped searches: when every case of the searched queryset lies under one division
(an area list says so with a range of division codes, a place filter too), the
place token of that division is required as well. The index then intersects the
query's matches with the place's cases itself, instead of the database checking
every match against the case table: a common word has a quarter of a million
matches, a village a few hundred of them (bench/search.md). The token only narrows
the candidates; the queryset's own conditions still decide what is returned. A scope
of a place OR a unit's own cases (a dispatcher's county and their centre's cases) is
narrowed on PostgreSQL to the place's matches plus the unit's matches outside the place
(:func:`.places.implied_narrowing`; bench/city/README.md, "Session 9, per-county search").

Long histories: each row also holds its block token (``blk38``: the case id's block of
2¹⁸ ids). On PostgreSQL a place's matches are read newest block first, the block's
token a second condition, so the index steps through a common word's matches from the
block's first row instead of reading all of them; a rare word's history is read at once
(:func:`.ranking._newest_in_place`; bench/city/README.md, "Session 11, block tokens").
"""

from jiceng.cases.search.places import implied_place as implied_place
from jiceng.cases.search.ranking import RANKED_MATCHES as RANKED_MATCHES
from jiceng.cases.search.ranking import search_cases as search_cases
from jiceng.cases.search.tokens import MAX_QUERY_LENGTH as MAX_QUERY_LENGTH
from jiceng.cases.search.tokens import PLACE_LEVELS as PLACE_LEVELS
from jiceng.cases.search.tokens import Term as Term
from jiceng.cases.search.tokens import fts5_expression as fts5_expression
from jiceng.cases.search.tokens import place_token as place_token
from jiceng.cases.search.tokens import place_tokens as place_tokens
from jiceng.cases.search.tokens import query_terms as query_terms
from jiceng.cases.search.tokens import stored_tokens as stored_tokens
from jiceng.cases.search.tokens import tsquery_expression as tsquery_expression
from jiceng.cases.search.writing import index_case as index_case
from jiceng.cases.search.writing import reindex as reindex
from jiceng.cases.search.writing import search_text as search_text
from jiceng.cases.search.writing import township_name as township_name
