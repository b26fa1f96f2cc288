"""Safe retries: a POST with an ``Idempotency-Key`` is answered once and replayed after.

The first request with a key claims it: it inserts the key's row, marked in
progress, and commits that at once, so the unique constraint on (scope, key)
lets exactly one request in. The work and the stored answer are then
committed in one transaction. Requests with the same key that arrive
meanwhile wait for that answer and replay it; only if the first is still
running after ``WAIT_SECONDS`` do they get a 409 "still in progress, retry".
A first attempt that is refused lets go of its claim, so a retry runs afresh;
a claim left by a crashed process is taken over after ``ABANDONED_AFTER``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _

from jiceng.api.models import IdempotencyRecord
from jiceng.core import clock
from jiceng.core.errors import Conflict, JicengError
from jiceng.core.proxy import client_address

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100
IN_PROGRESS = 0  # the status of a claimed key whose first request has not answered yet
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.05
ABANDONED_AFTER = timedelta(minutes=5)
# A client retries within minutes; a day later the same key is a new request's business.
KEPT_FOR = timedelta(days=1)


class KeyReused(Exception):
    """The same key came back with a different request."""


class KeyInProgress(Conflict):
    """The first request with this key is still running; the client should retry."""

    code = "idempotency_key_in_progress"

    def __init__(self) -> None:
        JicengError.__init__(
            self,
            _("A request with this Idempotency-Key is still being processed. Retry shortly."),
        )


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
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        record = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if record is None:
            claim = _claim(scope, key, fingerprint)
            if claim is not None:
                return _first(claim, work)
        elif record.request_hash != fingerprint:
            raise KeyReused
        elif record.status != IN_PROGRESS:
            return _replay(record, fingerprint)
        elif record.created_at < clock.now() - ABANDONED_AFTER:
            _release(record)
        if time.monotonic() >= deadline:
            raise KeyInProgress
        time.sleep(POLL_SECONDS)


def _claim(scope: str, key: str, fingerprint: str) -> IdempotencyRecord | None:
    """The key's row, marked in progress and committed; None if another request has it."""
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(
                scope=scope,
                key=key,
                request_hash=fingerprint,
                status=IN_PROGRESS,
                content_type="",
                body=b"",
                created_at=clock.now(),
            )
    except IntegrityError:
        return None


def _first(claim: IdempotencyRecord, work: Callable[[], HttpResponse]) -> HttpResponse:
    """Do the work; a success stores its answer in the work's own transaction."""
    try:
        with transaction.atomic():
            response = work()
            if response.status_code < 300:
                IdempotencyRecord.objects.filter(pk=claim.pk).update(
                    status=response.status_code,
                    content_type=response.get("Content-Type", ""),
                    body=response.content,
                )
                return response
    except BaseException:
        _release(claim)
        raise
    _release(claim)
    return response


def _release(claim: IdempotencyRecord) -> None:
    """Let go of a claim that has no answer, so the next request with the key runs."""
    IdempotencyRecord.objects.filter(
        pk=claim.pk, status=IN_PROGRESS, created_at=claim.created_at
    ).delete()


def scope_of(request: HttpRequest) -> str:
    """Whose key space this request's ``Idempotency-Key`` lives in."""
    user = getattr(request, "api_user", None) or getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_address(request)}"


def idempotency_prune(*, older_than: timedelta = KEPT_FOR) -> int:
    """Delete stored answers older than ``older_than``; how many were deleted."""
    if older_than <= timedelta(0):
        raise ValueError("older_than must be positive")
    old = IdempotencyRecord.objects.filter(created_at__lt=clock.now() - older_than)
    deleted, _counts = old.delete()
    return deleted
