"""Recording visits. A finding that needs action becomes a case in the same call."""

from jiceng.fieldwork.services.visits import visit_follow_up_done as visit_follow_up_done
from jiceng.fieldwork.services.visits import visit_record as visit_record
