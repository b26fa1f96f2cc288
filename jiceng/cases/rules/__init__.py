"""The rule book of case transitions: who may do what, from which states, and what it needs.

Each transition is declared once, in :data:`RULES` (``rules/book.py``, the one place).
The services check it before they write (:func:`require`), the web offers exactly the
actions it allows (:func:`available`), and the API answers from the services, so the
three cannot drift apart. A test walks every role × state × transition and checks that they agree.

A rule names:
- the **states** the case must be in, and the **kinds** of case (request, consultation);
- the **roles** that may do it and their **relation** to the case: working in the unit
  that owns it now (``OWNER``), or having it inside their jurisdiction (``VISIBLE``);
- whether **the system** may do it without a user (the sweep, or the resident's own link);
- a further **condition** on the case (a tier above, the reopening window), with the reason
  it gives when it fails;
- the **fields** the action needs from the person doing it.

The package: ``book`` (the transitions and :data:`RULES`), ``rule`` (what a rule is),
``conditions`` (the further conditions), ``reading`` (:func:`require`, :func:`permits`,
:func:`available`) and ``table`` (the rule book as the table in docs/cases.md).
"""

from jiceng.cases.rules.book import ACCEPT as ACCEPT
from jiceng.cases.rules.book import ACTIONS as ACTIONS
from jiceng.cases.rules.book import CLASSIFY as CLASSIFY
from jiceng.cases.rules.book import CLOSE_UNRATED as CLOSE_UNRATED
from jiceng.cases.rules.book import CONFIRM_SPAM as CONFIRM_SPAM
from jiceng.cases.rules.book import DISPATCH as DISPATCH
from jiceng.cases.rules.book import ESCALATE as ESCALATE
from jiceng.cases.rules.book import FLAG as FLAG
from jiceng.cases.rules.book import KEEP_LOCAL as KEEP_LOCAL
from jiceng.cases.rules.book import MERGE as MERGE
from jiceng.cases.rules.book import NOTE as NOTE
from jiceng.cases.rules.book import RATE as RATE
from jiceng.cases.rules.book import RELEASE as RELEASE
from jiceng.cases.rules.book import REMIND as REMIND
from jiceng.cases.rules.book import REOPEN as REOPEN
from jiceng.cases.rules.book import REPLY as REPLY
from jiceng.cases.rules.book import RESOLVE as RESOLVE
from jiceng.cases.rules.book import RETURN as RETURN
from jiceng.cases.rules.book import RULES as RULES
from jiceng.cases.rules.conditions import merged_survivor as merged_survivor
from jiceng.cases.rules.reading import available as available
from jiceng.cases.rules.reading import permits as permits
from jiceng.cases.rules.reading import refusal as refusal
from jiceng.cases.rules.reading import require as require
from jiceng.cases.rules.reading import state_allows as state_allows
from jiceng.cases.rules.rule import Relation as Relation
from jiceng.cases.rules.rule import Rule as Rule
from jiceng.cases.rules.table import markdown_table as markdown_table
