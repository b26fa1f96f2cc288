"""The header's link to the unit's inbox, with its unread count when the page shows it."""

from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest
from django.urls import reverse

from jiceng.notices import inbox
from jiceng.people.models import User

# Pages whose header shows how many inbox messages are unread (one query, when drawn).
COUNTED = {"workbench"}


class InboxLink:
    """The header's link to the unit's inbox; its unread count is queried only if drawn."""

    def __init__(self, user: User, *, counted: bool) -> None:
        self.user, self.counted = user, counted
        self.url = reverse("workbench:inbox")

    @cached_property
    def unread(self) -> int:
        return inbox.unread_count(self.user) if self.counted else 0


def header_inbox_link(request: HttpRequest) -> InboxLink | None:
    user = request.user
    if not isinstance(user, User) or not inbox.has_inbox(user):
        return None
    match = request.resolver_match
    return InboxLink(user, counted=match is not None and match.namespace in COUNTED)
