"""The intake panel's form: the category the dispatcher confirms, and the unit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from jiceng.cases.models import Category
from jiceng.people.models import User
from jiceng.web.labels import category_label
from jiceng.web.workbench.forms.base import WorkbenchForm, clean_unit, needed


class ClassifiedDispatchForm(WorkbenchForm):
    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        error_messages=needed(gettext_lazy("Choose the category of the problem.")),
    )
    unit = forms.CharField(label=gettext_lazy("Send to"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, prefix="intake", **kwargs)
        self.user = user
        self.categories = {c.code: c for c in Category.objects.filter(active=True)}
        self.fields["category"].choices = [
            (c.code, category_label(c)) for c in self.categories.values()
        ]

    def clean_unit(self) -> Any:
        return clean_unit(self.user, self.cleaned_data["unit"])

    def category_object(self) -> Category:
        return self.categories[self.cleaned_data["category"]]
