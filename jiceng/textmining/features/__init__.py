"""Character n-gram features computed with numpy instead of per-string Python loops.

Chinese has no spaces, and our training data is pre-segmented while live cases
are raw, so word features would depend on a segmenter agreeing with whoever
segmented the training set.  Character n-grams sidestep that and are the
classic strong baseline for Chinese text classification.

Speed matters (the intake path classifies thousands of messages a second), so
an n-gram is packed into one 64-bit integer instead of being materialised as a
Python string: every character becomes a 16-bit code (characters outside the
Basic Multilingual Plane, i.e. emoji and rare ideographs, share one code) and
an n-gram of up to four characters is the concatenation of its codes.  Code 0
never occurs in text, so 1-, 2-, 3- and 4-grams occupy disjoint ranges and the
packing is exact — no hashing collisions.

Before packing, a lookup table folds each character: full-width and upper-case
Latin letters and digits become half-width lower-case, and everything that is
not a letter or digit (spaces, punctuation, symbols) is dropped.  So
"A3 区 道路" (pre-segmented) and "Ａ3区道路。" (raw) give identical n-grams.
"""

from jiceng.textmining.features.ngrams import MAX_N as MAX_N
from jiceng.textmining.features.ngrams import decode_key as decode_key
from jiceng.textmining.features.ngrams import folded_text as folded_text
from jiceng.textmining.features.ngrams import ngram_keys as ngram_keys
from jiceng.textmining.features.ngrams import prepare as prepare
from jiceng.textmining.features.tfidf import NgramTfidf as NgramTfidf
from jiceng.textmining.features.tfidf import WordTfidf as WordTfidf
from jiceng.textmining.features.tfidf import document_frequency as document_frequency
from jiceng.textmining.features.tfidf import tfidf_rows as tfidf_rows
