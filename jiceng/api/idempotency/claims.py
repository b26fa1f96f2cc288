"""Claiming a key, doing the work once, and replaying its stored answer to the retries."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse

from jiceng.api.idempotency.identity import HEADER, MAX_KEY_LENGTH, request_hash
from jiceng.api.idempotency.refusals import KeyInProgress, KeyReused
from jiceng.api.models import IdempotencyRecord
from jiceng.core import clock

IN_PROGRESS = 0  # the status of a claimed key whose first request has not answered yet
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.05
ABANDONED_AFTER = timedelta(minutes=5)


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
