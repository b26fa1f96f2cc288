"""吹哨报到 pages: the panel on a case, and a department's list of its summonses."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jiceng.campaigns import summons as services
from jiceng.campaigns.models import Summons
from jiceng.core import clock
from jiceng.core.errors import JicengError
from jiceng.people.models import Role, Unit, UnitKind
from jiceng.places.codes import code_range
from jiceng.web.workbench.access import acting_user, staff_required, visible_case


@staff_required
@require_http_methods(["GET", "POST"])
def case_panel(request: HttpRequest, number: str) -> HttpResponse:
    user = acting_user(request)
    case = visible_case(user, number)
    departments = Unit.objects.filter(
        code_range("division_id", case.division_id[:6]), kind=UnitKind.DEPARTMENT
    ).order_by("name")
    if request.method == "POST":
        try:
            services.summons_create(
                case=case,
                by=user,
                unit=departments.get(pk=int(request.POST.get("unit") or 0)),
                part=request.POST.get("part", ""),
                days=int(request.POST.get("days") or 0),
            )
        except (JicengError, Unit.DoesNotExist, ValueError) as error:
            messages.error(request, getattr(error, "message", _("Choose a department.")))
        else:
            messages.success(request, _("The department is summoned."))
        return redirect("workbench:case", number=case.number)
    context = {
        "case": case,
        "summonses": Summons.objects.filter(case=case).select_related("unit"),
        "departments": departments if user.role == Role.TOWNSHIP_STAFF else [],
        "now": clock.now(),
    }
    return render(request, "campaigns/_summons.html", context)


@staff_required
def unit_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    summonses = Summons.objects.filter(unit_id=user.unit_id or 0).select_related("case", "unit")
    context = {"summonses": summonses.order_by("done_at", "done_by"), "now": clock.now()}
    return render(request, "campaigns/summonses.html", context)


@staff_required
@require_POST
def answer(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = acting_user(request)
    summons = (
        Summons.objects.filter(pk=pk, unit_id=user.unit_id or 0)
        .select_related("case", "unit")
        .first()
    )
    if summons is None or action not in ("report", "done"):
        raise Http404(_("No such summons for your unit."))
    try:
        if action == "report":
            services.summons_report(summons=summons, by=user)
        else:
            services.summons_done(summons=summons, by=user, result=request.POST.get("result", ""))
    except JicengError as error:
        messages.error(request, error.message)
    return redirect("campaigns:summonses")
