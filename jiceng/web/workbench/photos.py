"""A case's photos, served only to staff who may see the case."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from jiceng.web.workbench.access import acting_user, staff_required, visible_case


@staff_required
@require_GET
def photo(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    """A photo sent with a case, for staff who may see the case; never served publicly."""
    case = visible_case(acting_user(request), number)
    # Looked up through the visible case: another case's photo id is a 404, like its case.
    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
