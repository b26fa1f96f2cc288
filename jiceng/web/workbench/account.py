"""A member of staff's own notice settings: their mobile, their email, and the digests they want.

Only one's own record: the page takes no user id. The service checks the values
(``notices.inbox.staff_contact_set``); its errors are shown beside the field they name.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput
from jiceng.notices import inbox
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, staff_required
from jiceng.web.workbench.forms.base import WorkbenchForm


class NoticeSettingsForm(WorkbenchForm):
    mobile = forms.CharField(
        label=gettext_lazy("Mobile number"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("11 digits, e.g. 13812345678. Used only to text you."),
    )
    email = forms.CharField(label=gettext_lazy("Email address"), required=False, max_length=254)
    by_sms = forms.BooleanField(label=gettext_lazy("Digest by SMS"), required=False)
    by_email = forms.BooleanField(label=gettext_lazy("Digest by email"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["mobile"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel-national"}
        )
        self.fields["email"].widget.attrs.update({"inputmode": "email", "autocomplete": "email"})

    def refuse(self, error: InvalidInput) -> None:
        """The service's error beside the field it names, announced with that field."""
        name = error.field if error.field in self.fields else None
        self.add_error(name, error.message)
        if name is not None:
            self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"


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
