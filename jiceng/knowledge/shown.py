"""What a user is shown of the desk's proposals: the cases they may see, linked documents."""

from __future__ import annotations

import dataclasses

from django.db.models import Q

from jiceng.cases.permissions import visible_cases
from jiceng.knowledge.citing import document_key
from jiceng.knowledge.models import Document
from jiceng.knowledge.propose import Proposal, SourceKind
from jiceng.people.models import User


def _cases_in(proposal: Proposal) -> list[str]:
    return [s.ref for s in (proposal.source, *proposal.source.citing) if s.kind == SourceKind.CASE]


def _kept(proposal: Proposal, visible: set[str]) -> Proposal | None:
    """The proposal with only the cases the user may see; None if no source is left."""
    source = proposal.source
    if source.kind == SourceKind.CASE:
        return proposal if source.ref in visible else None
    citing = tuple(s for s in source.citing if s.kind != SourceKind.CASE or s.ref in visible)
    if source.kind == SourceKind.CITED and not citing:
        return None
    return dataclasses.replace(proposal, source=dataclasses.replace(source, citing=citing))


def visible(user: User, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals keeping only past cases the user may see; a cited document needs one."""
    numbers = [number for p in proposals for number in _cases_in(p)]
    rows = visible_cases(user).filter(number__in=numbers).values_list("number", flat=True)
    seen = {number for number in rows if number}
    kept = [_kept(p, seen) for p in proposals]
    return [p for p in kept if p is not None]


def linked(proposals: list[Proposal], *, scope: Q) -> list[Proposal]:
    """A cited document the knowledge base holds links to it, found by number or title."""
    cited = [p.source for p in proposals if p.source.kind == SourceKind.CITED]
    if not cited:
        return proposals
    rows = Document.objects.filter(scope).filter(
        Q(number__in=[s.number for s in cited if s.number]) | Q(title__in=[s.title for s in cited])
    )
    held: dict[str, str] = {}
    for pk, number, title in rows.values_list("pk", "number", "title"):
        held.update({number: str(pk), document_key(title): str(pk)})
    return [
        dataclasses.replace(p, source=dataclasses.replace(p.source, ref=ref))
        if p.source.kind == SourceKind.CITED
        and (ref := held.get(p.source.number) or held.get(p.source.key.removeprefix("d:"), ""))
        else p
        for p in proposals
    ]
