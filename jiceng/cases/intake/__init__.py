"""Text intelligence at intake: the spam check, the category proposal, likely duplicates.

The textmining library does the work; this package ties it to the deployment:
which channels are checked for spam, where the category model lives (and when
to reload it), and per-process duplicate indexes, one per county, kept in step
with the database. Nothing here writes; the services and views decide what to
do with the answers.

``spam``, ``category`` and ``duplicates`` are the three checks; ``text`` is what they read.
"""

from jiceng.cases.intake.category import Proposal as Proposal
from jiceng.cases.intake.category import category_model as category_model
from jiceng.cases.intake.category import model_path as model_path
from jiceng.cases.intake.category import propose as propose
from jiceng.cases.intake.duplicates import DUPLICATE_MIN_SCORE as DUPLICATE_MIN_SCORE
from jiceng.cases.intake.duplicates import RECENT_DAYS as RECENT_DAYS
from jiceng.cases.intake.duplicates import Duplicate as Duplicate
from jiceng.cases.intake.duplicates import likely_duplicates as likely_duplicates
from jiceng.cases.intake.spam import spam_verdict as spam_verdict
from jiceng.cases.intake.text import case_text as case_text
