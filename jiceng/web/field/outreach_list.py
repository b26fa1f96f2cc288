"""The outreach list for village cadres and grid workers: by household, filtered, paged.

Township and county staff see progress figures instead (no names), as before.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiceng.core import clock
from jiceng.people.models import User
from jiceng.policies.models import CLOSED_OUTCOMES
from jiceng.policies.outreach_list import Filter, new_since, outreach_page, policy_choices
from jiceng.policies.selectors import outreach_progress
from jiceng.web.field.forms import OutcomeForm


class FilterForm(forms.Form):
    policy = forms.ChoiceField(label=_("Policy"), required=False)
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("open", _("Still to do")), ("closed", _("Closed")), ("all", _("All"))],
    )
    new = forms.BooleanField(label=_("New matches only"), required=False)

    def __init__(self, data: object, *, policies: list[tuple[str, str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["policy"].choices = [("", _("All policies")), *policies]  # type: ignore[attr-defined]

    def chosen(self) -> Filter:
        if not self.is_valid():
            return Filter()
        data = self.cleaned_data
        return Filter(policy=data["policy"], state=data["state"] or "open", new_only=data["new"])


@login_required
def outreach(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if request.GET.get("view") == "progress" or not user.role.endswith(("cadre", "worker")):
        return render(request, "web/field/progress.html", {"rows": outreach_progress(user)})
    form = FilterForm(request.GET or None, policies=policy_choices(user))
    page, homes = outreach_page(user, form.chosen(), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter_form": form,
        "page": page,
        "homes": homes,
        "query": query.urlencode(),
        "form": OutcomeForm(),
        "closed": CLOSED_OUTCOMES,
        "new_since": new_since(),
        "today": timezone.localdate(clock.now()),
    }
    return render(request, "web/field/outreach_households.html", context)
