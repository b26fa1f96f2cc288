"""Text mining for cases: normalisation, segmentation, classification, hot issues,
duplicates, spam and similar past cases.

A pure library: it imports no Django, so it can run in workers, scripts and
tests without settings.  The names below are the integration API.
"""

from jiceng.textmining.classify.evaluation import evaluate
from jiceng.textmining.classify.model import Model, Prediction
from jiceng.textmining.classify.storage import ModelError
from jiceng.textmining.classify.training import train
from jiceng.textmining.duplicates.index import DuplicateIndex
from jiceng.textmining.hotissues.issue import HotIssue
from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.hotissues.ranking import find_hot_issues
from jiceng.textmining.normalize import normalize
from jiceng.textmining.segment import Segmenter, place_words, search_tokens
from jiceng.textmining.similar import PastCase, SimilarCase, SimilarIndex
from jiceng.textmining.spam import SpamVerdict, check_spam

__all__ = [
    "DuplicateIndex",
    "HotIssue",
    "Message",
    "Model",
    "ModelError",
    "PastCase",
    "Prediction",
    "Segmenter",
    "SimilarCase",
    "SimilarIndex",
    "SpamVerdict",
    "check_spam",
    "evaluate",
    "find_hot_issues",
    "normalize",
    "place_words",
    "search_tokens",
    "train",
]
