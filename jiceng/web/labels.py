"""Words the web shows for stored codes, in the language of the request.

Category names are stored in Chinese with an English name beside them; satisfaction
levels carry plain words here (the model's labels add the Chinese term in brackets).
"""

from __future__ import annotations

from django import forms
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
    """The English name in English, when it was read with the category (never a query)."""
    english = (get_language() or "").startswith("en")
    if not english or "name_en" in category.get_deferred_fields():
        return category.name
    return category.name_en or category.name


class CategoryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of category that names each in the reader's language."""

    def label_from_instance(self, obj: Category) -> str:
        return category_label(obj)


def english_category_names() -> dict[str, str]:
    """Code → English name in English (one query), for rows read without ``name_en``."""
    if not (get_language() or "").startswith("en"):
        return {}
    return dict(Category.objects.exclude(name_en="").values_list("code", "name_en"))
