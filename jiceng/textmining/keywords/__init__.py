"""Distinctive phrases of a group of short texts (titles), found without a dictionary.

Names that matter in hot issues — estates, companies, roads ("伊景园滨河苑",
"58车贷") — are exactly the words a general dictionary lacks, and jieba cuts
them into fragments ("区丽发" / "新城").  So keywords are character n-grams
(2–6 characters) scored by how many of the group's titles contain them times
their inverse document frequency over all titles.

An n-gram only counts as a phrase if it is free on both sides: across all
titles it is preceded by at least two different characters (a clause start
counts as a new one each time) and followed by at least two different ones.  This "accessor variety"
test drops fragments such as "区丽发新城" that always follow the same "A2",
and keeps "丽发新城".  N-grams found in more than 5 % of the titles outside
the group ("问题", "投诉") say nothing about it and are skipped, and so are fragments glued
to an anonymised division code ("a市伊景园", "投诉a7县": the public data set
replaces place names with such codes).  Of overlapping phrases only the best
scoring one is kept.
"""

from jiceng.textmining.keywords.stats import PhraseStats as PhraseStats
