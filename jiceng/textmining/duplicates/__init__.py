"""Incremental near-duplicate index for finding earlier cases about the same problem.

Used at intake: when a resident submits a case, the open and recent cases that
say the same thing are shown to the dispatcher, who may merge them.

Each text is reduced to the set of its character 2- and 3-grams (after
normalisation; punctuation and spaces dropped), hashed into ``2**bits``
buckets.  Similarity is the cosine of those sets weighted by IDF, where the
IDF comes from the texts currently in the index, so rare n-grams — place and
estate names, the specific problem — weigh most.

Search is two-stage so that it stays fast at 100,000 cases: the query's
``probe`` rarest n-grams pull candidates out of an inverted index (a rare
n-gram's posting list is short), then the best ``candidates`` of those are
scored exactly.  A duplicate that shares none of the query's rare n-grams is
missed; rewording rarely changes the names that make n-grams rare.

The inverted index is a few sorted arrays ("levels") of (bucket, case) pairs.
New cases go to a small unsorted tail that is scanned directly; when the tail
reaches ``_TAIL`` cases it becomes a level, and levels of similar size are
merged, so adding stays cheap (amortised O(log n) per n-gram) without ever
re-sorting the whole index on one add.
"""

from jiceng.textmining.duplicates.hashing import hashed_ngrams as hashed_ngrams
from jiceng.textmining.duplicates.index import DuplicateIndex as DuplicateIndex
