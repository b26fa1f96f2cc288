"""A learned, explainable detector of keyword-stuffed lists (SEO spam footers).

A stuffed page is an article followed by dozens of short porn or gambling
titles. The titles vary endlessly, so the detector reads two things that do not:

* **structure** — the longest run of consecutive short segments (2–24
  characters, a Latin letter counting a third) between list separators
  (``|``, ``/``, ``、``, commas, spaces, line breaks), and which separator it uses;
* **vocabulary** — the share of those segments that read as adult or gambling
  text to a character model: the strongest naive-Bayes log-odds among a
  segment's characters and bigrams, learned from generated titles
  (:mod:`jiceng.textmining.stuffing_gen`) against clauses of real residents'
  messages. Characters such as 乳, 淫, 彩 carry the evidence, so compounds never
  seen still score.

A logistic regression over a handful of such features gives the probability;
``reasons`` say in words what it saw. Text is canonicalised first (NFKC width
folding, zero-width characters and symbols inserted between characters removed,
traditional → simplified, lower case), and pinyin titles are in the training lists.

The model is ``data/stuffing.json`` (plain numbers, no code), written by
:func:`train` — ``jiceng textmining train-stuffing`` (see bench/textmining/README.md).
"""

from jiceng.textmining.stuffing.lists import longest_list as longest_list
from jiceng.textmining.stuffing.model import FEATURES as FEATURES
from jiceng.textmining.stuffing.model import MODEL_FORMAT as MODEL_FORMAT
from jiceng.textmining.stuffing.model import MODEL_PATH as MODEL_PATH
from jiceng.textmining.stuffing.model import StuffingModel as StuffingModel
from jiceng.textmining.stuffing.model import default_model as default_model
from jiceng.textmining.stuffing.model import load as load
from jiceng.textmining.stuffing.model import save as save
from jiceng.textmining.stuffing.reading import canonical as canonical
from jiceng.textmining.stuffing.training import train as train
