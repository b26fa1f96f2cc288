"""The workbench inbox: what the unit was told, newest first, unread ones marked.

Opening the inbox marks nothing read. A message is read when its member of staff opens
it (a small POST that marks it and goes on to its case) or marks them all read; both
are POSTs, so a link preview or a prefetch never reads anyone's inbox for them.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jiceng.core import clock
from jiceng.notices import inbox
from jiceng.web.workbench.access import acting_user, staff_required
from jiceng.web.workbench.inbox_rows import inbox_rows

PAGE_SIZE = 50


@staff_required
@require_GET
def inbox_page(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    page = Paginator(inbox.inbox_messages(user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": inbox_rows(list(page)),
        "has_inbox": inbox.has_inbox(user),
        "seen": clock.now().isoformat(),
    }
    return render(request, "web/workbench/inbox.html", context)
