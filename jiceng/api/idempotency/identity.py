"""Which request a key names: its fingerprint and whose key space it is in, and the two ways
a key can be refused."""

from __future__ import annotations

import hashlib

from django.http import HttpRequest
from django.http.request import RawPostDataException

from jiceng.core.proxy import client_address

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100


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


def scope_of(request: HttpRequest) -> str:
    """Whose key space this request's ``Idempotency-Key`` lives in."""
    user = getattr(request, "api_user", None) or getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_address(request)}"
