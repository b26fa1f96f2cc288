"""Safe retries: a POST with an ``Idempotency-Key`` is answered once and replayed after.

The work and the record of its answer are committed in one transaction, so a
retry that races the first attempt either sees the record or fails on its
unique constraint and replays it; no second case can come of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.http.request import RawPostDataException

from jiceng.api.models import IdempotencyRecord
from jiceng.core import clock
from jiceng.core.proxy import client_address

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100


class KeyReused(Exception):
    """The same key came back with a different request."""


def request_hash(request: HttpRequest) -> str:
    digest = hashlib.sha256()
    for part in (request.method or "", request.path, request.META.get("QUERY_STRING", "")):
        digest.update(part.encode() + b"\0")
    try:
        digest.update(request.body)
    except RawPostDataException:  # multipart, already parsed: hash the fields instead
        for name in sorted(request.POST):
            digest.update(repr((name, request.POST.getlist(name))).encode())
    return digest.hexdigest()


def _replay(record: IdempotencyRecord, fingerprint: str) -> HttpResponse:
    if record.request_hash != fingerprint:
        raise KeyReused
    response = HttpResponse(bytes(record.body), status=record.status)
    response["Content-Type"] = record.content_type
    response["Idempotent-Replayed"] = "true"
    return response


def idempotent(request: HttpRequest, scope: str, work: Callable[[], HttpResponse]) -> HttpResponse:
    """Run ``work`` once per (scope, key); without a key, just run it.

    Only successful answers are remembered: a refused request changed nothing,
    so trying it again, corrected or not, is harmless.
    """
    key = request.headers.get(HEADER, "")[:MAX_KEY_LENGTH]
    if not key:
        return work()
    fingerprint = request_hash(request)
    existing = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
    if existing is not None:
        return _replay(existing, fingerprint)
    try:
        with transaction.atomic():
            response = work()
            if response.status_code < 300:
                IdempotencyRecord.objects.create(
                    scope=scope,
                    key=key,
                    request_hash=fingerprint,
                    status=response.status_code,
                    content_type=response.get("Content-Type", ""),
                    body=response.content,
                    created_at=clock.now(),
                )
    except IntegrityError:
        # A concurrent first attempt with the same key committed before us.
        first = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if first is None:
            raise
        return _replay(first, fingerprint)
    return response


def scope_of(request: HttpRequest) -> str:
    """Whose key space this request's ``Idempotency-Key`` lives in."""
    user = getattr(request, "api_user", None) or getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_address(request)}"
