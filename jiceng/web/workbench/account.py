"""A member of staff's own notice settings: their mobile, their email, and the digests they want.

Only one's own record: the page takes no user id. The service checks the values
(``notices.inbox.staff_contact_set``); its errors are shown beside the field they name.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput
from jiceng.notices import inbox
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, staff_required
from jiceng.web.workbench.forms.notices import NoticeSettingsForm


def _initial(user: User) -> dict[str, object]:
    contact = inbox.staff_contact(user)
    return {
        "mobile": contact.mobile if contact else "",
        "email": user.email,
        "by_sms": bool(contact and contact.by_sms),
        "by_email": bool(contact and contact.by_email),
    }


def _render(request: HttpRequest, form: NoticeSettingsForm, *, status: int = 200) -> HttpResponse:
    context = {"form": form, "digest_minutes": settings.JICENG_DIGEST_MINUTES}
    return render(request, "web/workbench/notice_settings.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def notice_settings(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if request.method != "POST":
        return _render(request, NoticeSettingsForm(initial=_initial(user)))
    form = NoticeSettingsForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    data = form.cleaned_data
    try:
        inbox.staff_contact_set(
            user=user,
            mobile=data["mobile"],
            email=data["email"],
            by_sms=data["by_sms"],
            by_email=data["by_email"],
        )
    except InvalidInput as error:
        form.refuse(error)
        return _render(request, form, status=400)
    messages.success(request, _("Your notice settings are saved."))
    return redirect("workbench:notice_settings")
