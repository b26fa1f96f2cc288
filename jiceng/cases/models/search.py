"""The full-text index row of a case (see cases.search)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models.case import Case


class CaseSearch(models.Model):
    """The full-text index row of one case: its text segmented once, when the case is written.

    ``text`` holds space-separated search tokens (character bigrams and other
    words, see ``cases.search``). The database-specific index is kept beside
    it by the ``case_full_text_search`` migration, not by Django: on SQLite an
    FTS5 table with triggers on this table, on PostgreSQL a generated
    ``vector`` tsvector column with a GIN index. Changing this model's fields
    on SQLite rebuilds the table and drops those triggers: recreate them.
    """

    case = models.OneToOneField(
        Case, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    text = models.TextField()

    class Meta:
        verbose_name = _("case search text")
        verbose_name_plural = _("case search texts")

    def __str__(self) -> str:
        return f"{self.case_id}"
