"""Words the web shows for stored codes, in the language of the request.

Category names are stored in Chinese with an English name beside them; satisfaction
levels carry plain words here (the model's labels add the Chinese term in brackets).
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import Category, Satisfaction

SATISFACTION_LABELS: dict[str, Promise] = {
    Satisfaction.SATISFIED: _("Satisfied"),
    Satisfaction.BASICALLY: _("Basically satisfied"),
    Satisfaction.UNSATISFIED: _("Unsatisfied"),
}


def category_label(category: Category) -> str:
    english = (get_language() or "").startswith("en")
    return category.name_en if english and category.name_en else category.name
