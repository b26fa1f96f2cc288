"""Which inbox messages a staff member has read."""

from __future__ import annotations

from django.db import models

from jiceng.notices.models.message import Message


class MessageRead(models.Model):
    """A staff member has read an in-app message of their unit's inbox."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey("people.User", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="message_read_once")
        ]

    def __str__(self) -> str:
        return f"{self.message_id} read by {self.user_id}"
