"""The visit coverage of a village, or of each village in the user's area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork import selectors
from jiceng.fieldwork.villages import villages_for
from jiceng.web.field.access import field_user


@login_required
def coverage_page(request: HttpRequest) -> HttpResponse:
    user = field_user(request)
    villages = villages_for(user)
    code = request.GET.get("village", "")
    if not code and villages.count() == 1:
        code = villages[0].code
    if code:
        village = villages.filter(code=code).first()
        if village is None:
            raise Http404(_("No such village in your area."))
        result = selectors.coverage(user, village)
        return render(request, "web/field/coverage.html", {"coverage": result})
    if not villages.exists():
        raise NotAllowed(_("Coverage is for village, township and county staff."))
    figures = selectors.coverage_by_village(user)
    return render(request, "web/field/coverage_list.html", {"figures": figures})
