"""Root causes (根源): why a resolved problem happened, from a short list per category.

Recorded, optionally, when a case is resolved: in the resolve event's data, so under the
case's hash chain (``cases.history``), never as a mutable field. The list is short on
purpose: a cadre picks in a second, and the monthly report can count like with like.
"""

from jiceng.cases.rootcauses.cleaning import MAX_TEXT as MAX_TEXT
from jiceng.cases.rootcauses.cleaning import ROOT_CAUSE as ROOT_CAUSE
from jiceng.cases.rootcauses.cleaning import ROOT_CAUSE_TEXT as ROOT_CAUSE_TEXT
from jiceng.cases.rootcauses.cleaning import clean as clean
from jiceng.cases.rootcauses.offered import choices as choices
from jiceng.cases.rootcauses.offered import label as label
