"""A case's messages, as its page lists them."""

from __future__ import annotations

from jiceng.notices.models import Message


def case_messages(case_id: int) -> list[Message]:
    """Every message about a case, oldest first, with its recipient's masked phone or name.

    The caller has checked that the user may see the case. The resident's phone is read
    only as its masked copy; the encrypted fields are never loaded.
    """
    return list(
        Message.objects.filter(case_id=case_id)
        .select_related("resident", "user", "unit")
        .only(
            "channel",
            "template",
            "params",
            "status",
            "created_at",
            "not_before",
            "attempts",
            "sent_at",
            "delivered_at",
            "error",
            "called_at",
            "resident",
            "user",
            "unit",
            "resident__phone_masked",
            "user__username",
            "user__first_name",
            "user__last_name",
            "unit__name",
        )
        .order_by("created_at", "pk")
    )
