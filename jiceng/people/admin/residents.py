"""Admin of residents: read-only, with names, phones and ID numbers masked."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from jiceng.core import crypto
from jiceng.core.admin import ReadOnlyAdmin
from jiceng.people.models import Resident


@admin.register(Resident)
class ResidentAdmin(ReadOnlyAdmin):
    """Masked: unmasking belongs to the owner of a case or household, with a logged reason."""

    list_display = ["masked_name", "masked_phone", "birth_date", "household"]
    # Health marks are encrypted and shown only on the household page, with a logged reason.
    list_filter = ["elderly_alone", "left_behind_child", "veteran"]
    fields = (
        "masked_name",
        "masked_phone",
        "masked_id_number",
        "birth_date",
        "household",
        "elderly_alone",
        "left_behind_child",
        "extreme_poverty",
        "veteran",
        "in_school",
        "hukou",
        "moved_away_on",
        "purged_at",
    )
    readonly_fields = fields
    list_select_related = ["household"]

    @admin.display(description=_("name"))
    def masked_name(self, person: Resident) -> str:
        return crypto.mask_name(person.name)

    @admin.display(description=_("phone"))
    def masked_phone(self, person: Resident) -> str:
        return crypto.mask_phone(person.phone)

    @admin.display(description=_("ID number"))
    def masked_id_number(self, person: Resident) -> str:
        return crypto.mask_id_number(person.id_number)
