"""Category classifier for cases: character n-grams and words, two linear SVMs as one.

A message is first cut into words the way the training set was
(:mod:`jiceng.textmining.words`: jieba's cut without the stop words that were
removed from the training set), so that a raw message and its pre-segmented
training form give the same features. Features (see
:mod:`jiceng.textmining.features`): TF-IDF of character 1–2-grams of those
words run together, plus the same for their first 20 letters/digits at half
weight, plus TF-IDF of the words themselves. The opening of a message is its
title, which names the problem far more reliably than the story that follows;
weighting it separately was the one feature change that beat plain n-grams in
cross-validation on the 2020 Teddy Cup set (macro-F1 0.925 → 0.930; balanced
class weights add a little more, to 0.932). Word unigrams, once raw messages
are cut like the training text, add a little more on both the cross-validation
and the raw sample (0.932 → 0.934, 0.879 → 0.882; bench/textmining/README.md).

Two SVMs read the message (:mod:`.training`): one the characters (body and
title n-grams), one the words (title n-grams and words). Each is calibrated by
its own temperature on out-of-fold scores and their scores are added: a
calibrated word + character ensemble, a little better than one SVM over all
features on both the cross-validation and the raw sample (bench/textmining/README.md).
A sum of linear scores is linear, so the ensemble is stored and applied as one
model and costs nothing at prediction.
The category system itself can be trained on too (``train(descriptions=...)``,
``train --descriptions``): each sub-category's names ("食品药品监管 保健品化妆品管理"
under 卫生计生) become one short training text of its top-level label. It teaches
the labelling convention where the messages disagree with each other (附件1 of the
Teddy Cup: macro-F1 on the raw sample 0.888 → 0.894, cross-validation unchanged).
Longer n-grams, word bigrams, LSA, nearest neighbours, self-training on unlabelled
messages and ensembles with naive Bayes, logistic regression or SGD did not help.

Only letters and digits enter the character features, and traditional
characters are converted first.  Function characters that survive inside
longer words (:data:`STOP_CHARS`: "我" of "我市") are dropped from the
character stream too: as words they were removed from the training set.

Probabilities come from a softmax of the summed scores with one more temperature
fitted on out-of-fold scores, which is enough to rank the top three categories
for a dispatcher.

Model files are ``.npz`` archives of plain arrays (vocabularies, idf weights,
coefficients, intercepts, labels) read with ``allow_pickle=False``: loading a
model file never runs code, so a model from elsewhere is safe to open.
scikit-learn is imported only to train and score, never to predict, so a web
process that classifies does not pay for it.
"""

from jiceng.textmining.classify.evaluation import evaluate as evaluate
from jiceng.textmining.classify.model import Model as Model
from jiceng.textmining.classify.model import Prediction as Prediction
from jiceng.textmining.classify.reading import STOP_CHARS as STOP_CHARS
from jiceng.textmining.classify.reading import model_text as model_text
from jiceng.textmining.classify.storage import MODEL_FORMAT as MODEL_FORMAT
from jiceng.textmining.classify.storage import MODEL_VERSION as MODEL_VERSION
from jiceng.textmining.classify.storage import ModelError as ModelError
from jiceng.textmining.classify.training import train as train
