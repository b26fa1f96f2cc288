"""Case transitions. Each public function here is one named state change (DESIGN.md).

Every function is keyword-only, checks who may do it and from which state (cases.rules),
and writes the case change and its event in one transaction (see history.py).
An illegal transition raises IllegalTransition and changes nothing; a
concurrent change raises Conflict and changes nothing.

One module per family of transitions: ``submit``, ``consult``, ``dispatch``, ``handling``
(accept, return, resolve, reply), ``escalation``, ``rating``, ``reopen``, ``merge``,
``note``, the sweep's ``system`` (remind), ``flag`` and ``close_unrated``,
``attachments``, ``quarantine`` with ``release`` and ``confirm_spam``, ``classify`` and
``backlog`` (旧账 imported with its original date); ``cleaning``, ``clocks`` and
``prepare`` are what they share. This package re-exports the transitions,
so ``services.case_dispatch`` keeps working.
"""

from jiceng.cases.services.attachments import case_attach_photo as case_attach_photo
from jiceng.cases.services.backlog import case_import as case_import
from jiceng.cases.services.classify import case_classify as case_classify
from jiceng.cases.services.classify import case_dispatch_classified as case_dispatch_classified
from jiceng.cases.services.cleaning import MAX_DESCRIPTION as MAX_DESCRIPTION
from jiceng.cases.services.cleaning import PHONE_RE as PHONE_RE
from jiceng.cases.services.clocks import time_limit_for as time_limit_for
from jiceng.cases.services.close_unrated import case_close_unrated as case_close_unrated
from jiceng.cases.services.confirm_spam import case_confirm_spam as case_confirm_spam
from jiceng.cases.services.consult import case_consult as case_consult
from jiceng.cases.services.dispatch import case_dispatch as case_dispatch
from jiceng.cases.services.escalation import case_escalate as case_escalate
from jiceng.cases.services.flag import case_flag as case_flag
from jiceng.cases.services.handling import case_accept as case_accept
from jiceng.cases.services.handling import case_reply as case_reply
from jiceng.cases.services.handling import case_resolve as case_resolve
from jiceng.cases.services.handling import case_return as case_return
from jiceng.cases.services.merge import case_merge as case_merge
from jiceng.cases.services.note import case_note as case_note
from jiceng.cases.services.rating import case_rate as case_rate
from jiceng.cases.services.release import case_release as case_release
from jiceng.cases.services.reopen import case_reopen as case_reopen
from jiceng.cases.services.submit import case_submit as case_submit
from jiceng.cases.services.system import case_remind as case_remind
