"""Revealing one household member's contact to a cadre, for a reason that is recorded."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.core.errors import JicengError, NotAllowed
from jiceng.people.models import Resident
from jiceng.people.services import household_member_reveal
from jiceng.web.field.access import field_user, service_error
from jiceng.web.field.forms import RevealForm
from jiceng.web.field.households import household_page, village_household


@login_required
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    user = field_user(request)
    home = village_household(user, pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        return household_page(request, home, reveal_form=form, status=400)
    person = Resident.objects.filter(household=home, pk=form.cleaned_data["resident"]).first()
    if person is None:
        raise Http404(_("No such person in this household."))
    try:
        value = household_member_reveal(
            resident=person,
            field=form.cleaned_data["field"],
            by=user,
            reason=form.cleaned_data["reason"],
        )
    except NotAllowed:
        raise  # 403: e.g. a grid worker of another grid in the same village
    except JicengError as error:
        service_error(form, error)
        return household_page(request, home, reveal_form=form, status=400)
    return household_page(request, home, clear=(person.pk, form.cleaned_data["field"], value))
