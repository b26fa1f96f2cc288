"""A case in the ``CaseOut`` shape, read as plain values and with contact details masked."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from jiceng.api.native.app import api
from jiceng.cases.models import Case
from jiceng.core import pii
from jiceng.core.rows import plain_rows

# The columns a case is shown with, read as plain values: a page of 50 costs one query,
# builds no model instances and decrypts nothing: the contact comes from the resident's
# masked copies (decrypting two fields per row to mask them was most of a list's time).
COLUMNS = (
    "number",
    "kind",
    "state",
    "category_id",
    "urgency",
    "channel",
    "title",
    "description",
    "division_id",
    "address",
    "owner_id",
    "owner__name",
    "submitted_at",
    "respond_by",
    "resolve_by",
    "resolved_at",
    "closed_at",
    "answer",
    "merged_into__number",
    "resident__name_masked",
    "resident__phone_masked",
)


# The list's query with its columns and joins resolved once per process (resolving 22
# columns cost about a millisecond a request); each request adds its scope and filters.
LISTED_FIELDS = ("pk", *COLUMNS)
MOMENTS = ("submitted_at", "respond_by", "resolve_by", "resolved_at", "closed_at")
LISTED = Case.objects.order_by("-submitted_at", "-pk").values(*LISTED_FIELDS)


def row_out(row: dict[str, Any]) -> dict[str, Any]:
    """One ``COLUMNS`` row in the ``CaseOut`` shape, contact details masked."""
    return {
        "number": row["number"],
        "kind": row["kind"],
        "state": row["state"],
        "category": row["category_id"],
        "urgency": row["urgency"],
        "channel": row["channel"],
        "title": pii.mask_text(row["title"]),
        "description": pii.mask_text(row["description"]),
        "division": row["division_id"],
        "address": pii.mask_address(row["address"]),
        "owner": row["owner_id"],
        "owner_name": row["owner__name"],
        "submitted_at": row["submitted_at"],
        "respond_by": row["respond_by"],
        "resolve_by": row["resolve_by"],
        "resolved_at": row["resolved_at"],
        "closed_at": row["closed_at"],
        "answer": row["answer"],
        "merged_into": row["merged_into__number"],
        "contact": {
            "name": row["resident__name_masked"],
            "phone": row["resident__phone_masked"],
        },
    }


def case_out(case: Case, owner_name: str | None = None) -> dict[str, Any]:
    """A case already loaded with its owner (or given its name) and resident, as ``CaseOut``."""
    resident = case.resident
    return row_out(
        {
            **{column: getattr(case, column) for column in COLUMNS if "__" not in column},
            "owner__name": case.owner.name if owner_name is None else owner_name,
            "merged_into__number": case.merged_into.number if case.merged_into else None,
            "resident__name_masked": resident.name_masked if resident else "",
            "resident__phone_masked": resident.phone_masked if resident else "",
        }
    )


def case_response(request: HttpRequest, case: Case, status: int) -> HttpResponse:
    """The case as it is now (after a write), read in one query."""
    (row,) = plain_rows(LISTED.filter(pk=case.pk))
    return api.create_response(request, row_out(row), status=status)
