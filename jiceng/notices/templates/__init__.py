"""Every message Jiceng sends: its template code, its parameters and its wording.

Chinese SMS gateways send a template registered beforehand (a code plus named or numbered
parameters), never free text; ``docs/notifications.md`` lists these templates in the form
the gateways ask for (``markdown_table``, kept equal by a test). The same catalogue words
emails and the workbench inbox, in the reader's language.

Parameters are stored with the message, language-neutral: a time as ISO 8601, turned into
"12月8日 17:00" only when the message is worded (``render``). Parameters never hold a
phone number, an ID number or a resident's name.
"""

from jiceng.notices.templates.catalogue import TEMPLATES as TEMPLATES
from jiceng.notices.templates.table import markdown_table as markdown_table
from jiceng.notices.templates.template import RESIDENT as RESIDENT
from jiceng.notices.templates.template import STAFF as STAFF
from jiceng.notices.templates.template import Template as Template
from jiceng.notices.templates.wording import render as render
from jiceng.notices.templates.wording import subject as subject
from jiceng.notices.templates.wording import worded_params as worded_params
