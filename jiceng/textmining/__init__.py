"""Text mining for cases: normalisation, segmentation, classification, hot issues,
duplicates, spam and similar past cases.

A pure library: it imports no Django, so it can run in workers, scripts and
tests without settings.  The names below are the integration API.
"""

from jiceng.textmining.classify import Model, ModelError, Prediction, evaluate, train
from jiceng.textmining.duplicates import DuplicateIndex
from jiceng.textmining.hotissues import HotIssue, Message, find_hot_issues
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
