"""Photos sent with a request."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models.case import Case


class CaseAttachment(models.Model):
    """A photo sent with a request, in the default storage: the local disk or an S3 bucket
    (jiceng.conf.files). Never served publicly: only through the case's jurisdiction check."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("file"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=40)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.file.name}"
