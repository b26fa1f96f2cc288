"""The knowledge base: policy documents, vetted answers, and their searchable passages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """A policy document (政策文件) as issued, with a plain-language summary for residents."""

    title = models.CharField(_("title"), max_length=200)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    number = models.CharField(_("document number"), max_length=80, unique=True)
    effective_from = models.DateField(_("effective from"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    full_text = models.TextField(_("full text"))
    summary = models.TextField(_("summary in plain words"), blank=True)
    # Where it applies: a division-code prefix ("" = everywhere), as for policies.
    scope = models.CharField(_("applies in (division code)"), max_length=12, blank=True)
    policy = models.ForeignKey(
        "policies.Policy",
        verbose_name=_("eligibility rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    published = models.BooleanField(_("published on the portal"), default=False)
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        ordering = ["-effective_from", "number"]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"


class VettedAnswer(models.Model):
    """The reply to a resolved consultation, approved by a dispatcher for reuse."""

    case = models.OneToOneField(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    division_code = models.CharField(max_length=12)
    approved_by = models.ForeignKey(
        "people.User", verbose_name=_("approved by"), on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"))

    class Meta:
        verbose_name = _("vetted answer")
        verbose_name_plural = _("vetted answers")
        ordering = ["-approved_at"]

    def __str__(self) -> str:
        return f"{self.case_id}"


class Passage(models.Model):
    """One citable piece: an article of a document, or a vetted answer, with its search tokens.

    ``tokens`` is indexed by the database (see the ``knowledge_base`` migration): an FTS5
    table kept by triggers on SQLite, a generated tsvector with a GIN index on PostgreSQL.
    """

    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.CASCADE, related_name="passages"
    )
    answer = models.OneToOneField(
        VettedAnswer, null=True, blank=True, on_delete=models.CASCADE, related_name="passage"
    )
    article = models.CharField(_("article"), max_length=30, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("text"))
    scope = models.CharField(max_length=12, blank=True)
    tokens = models.TextField()

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["document_id", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(document__isnull=False) ^ models.Q(answer__isnull=False),
                name="passage_has_one_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id or self.answer_id} {self.article}"


class PastReply(models.Model):
    """A consultation answered before Jiceng, with its official reply, imported for reuse.

    Imported from the centre's old system (``jiceng manage import_replies``); the
    documents its reply cites become sources of cited answers (``profiles.py``).
    """

    reference = models.CharField(_("number in the old system"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    reply = models.TextField(_("reply"))
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    # Where it applies: a division-code prefix, as for documents.
    scope = models.CharField(_("applies in (division code)"), max_length=12)
    imported_at = models.DateTimeField(_("imported at"))

    class Meta:
        verbose_name = _("past reply")
        verbose_name_plural = _("past replies")
        ordering = ["-replied_on", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["scope", "reference"], name="past_reply_once")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"
