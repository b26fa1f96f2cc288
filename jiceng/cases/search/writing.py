"""Writing the search rows: :func:`index_case` when a case is written, :func:`reindex` to
backfill. The database keeps its own index of each row (the ``case_full_text_search``
migration)."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases.models import Case, CaseSearch
from jiceng.cases.search.tokens import place_tokens, row_text, stored_tokens
from jiceng.core import pii
from jiceng.core.fast.upsert import upsert_row
from jiceng.core.memo import memo
from jiceng.places.models import Division

TOWNSHIP_CODE_LENGTH = 9


# Each name is trusted for five minutes: renames are rare.
@memo("cases.township_names", seconds=300.0, limit=50_000)
def township_name(code: str) -> str:
    return Division.objects.filter(pk=code).values_list("name", flat=True).first() or ""


def _place_names(case: Case) -> tuple[str, str]:
    """The case's village name and its township's, without loading what the caller loaded."""
    village = case.division.name if Case.division.is_cached(case) else ""
    if not village:
        village = Division.objects.filter(pk=case.division_id).values_list("name", flat=True)[0]
    return village, township_name(case.division_id[:TOWNSHIP_CODE_LENGTH])


def search_text(case: Case) -> str:
    """The tokens stored for a case: title, description, address, village and township.

    The row stores them with the case's block token after (``tokens.row_text``).
    """
    village, township = _place_names(case)
    # The masked text: a phone or ID number typed into a request must not be found by it,
    # nor sit in clear in the index.
    masked = (pii.mask_text(case.title), pii.mask_text(case.description))
    text = stored_tokens(" ".join((*masked, pii.mask_address(case.address), village, township)))
    return " ".join((text, *place_tokens(case.division_id)))


def index_case(case: Case) -> None:
    """Store (or replace) the case's search row; call it when its title, text or place change.

    It runs inside every submission: one upsert through the fast path
    (:func:`jiceng.core.fast.upsert.upsert_row`), not a compiled ``bulk_create``.
    """
    upsert_row(
        CaseSearch, {"case": case.pk, "text": row_text(case.pk, search_text(case))}, key="case"
    )


def _upsert(rows: list[CaseSearch]) -> None:
    # One statement per batch; the FTS5 triggers see an insert or an update as fits.
    CaseSearch.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["case"], update_fields=["text"]
    )


def reindex(cases: QuerySet[Case] | None = None, *, batch: int = 1000) -> int:
    """Rebuild the search rows of ``cases`` (all cases by default); returns how many.

    Walks the cases in primary-key order, ``batch`` at a time, so memory stays flat
    at any size.
    """
    source = (Case.objects.all() if cases is None else cases).order_by("pk")
    source = source.select_related("division").only(
        "pk", "title", "description", "address", "division__name"
    )
    done, last = 0, 0
    while True:
        chunk = list(source.filter(pk__gt=last)[:batch])
        if not chunk:
            return done
        _upsert(
            [
                CaseSearch(case_id=case.pk, text=row_text(case.pk, search_text(case)))
                for case in chunk
            ]
        )
        done, last = done + len(chunk), chunk[-1].pk
