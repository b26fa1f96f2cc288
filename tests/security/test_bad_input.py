"""Bad input over every URL of the project: no answer is a server error.

The URLs come from the URL configuration (``get_resolver()``) and the native API's
OpenAPI document. Each gets one request per probe: a NUL character in the path,
the query and the body, invalid UTF-8 in the query and the body (and half a UTF-16
pair in JSON), negative and huge numbers in every query parameter the code reads,
and a 10 MB body; first as an anonymous visitor, then as a logged-in dispatcher.
Every answer must be below 500, and errors must come in the surface's own shape:
JSON on the native API and Open311 ``.json``, XML on Open311 ``.xml``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from jiceng.api.native import api
from jiceng.people.models import User

from factories import submit

pytestmark = pytest.mark.django_db
API = "/api/v1"
NUL = "\x00"
TEN_MB = 10 * 1024 * 1024
# Values tried for a URL's own parameters until one reverses; "fmt" gets both formats.
SAMPLES: dict[str, list[str]] = {
    "fmt": ["json", "xml"],
    "app_label": ["cases", "people", "places", "auth"],
    "chart": ["rates"],
    "action": ["accept"],
    "code": ["330681109", "transport"],
}
FALLBACK = ["1", "x", "330681109"]
# Query parameters read by the views outside forms (the forms' fields are added below).
QUERY_NAMES = {
    "q", "page", "limit", "offset", "cursor", "year", "month", "number", "phone_last4",
    "prefix", "level", "within", "county", "jurisdiction_id", "service_code", "status",
    "start_date", "end_date", "service_request_id", "township", "village", "next", "view",
    "for", "household", "taken", "owner", "state", "category", "division", "o", "p",
}  # fmt: skip


@dataclass(frozen=True)
class Target:
    method: str  # what the URL takes: GET, or POST for a write
    path: str
    path_with_nul: str | None  # the same URL with NUL in one of its own parameters
    query_names: frozenset[str] = field(default_factory=frozenset)


def _leaves(
    patterns: list[Any], namespace: str = "", kwargs: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...]]]:
    for pattern in patterns:
        names = tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if inner != "api-v1:":  # the native API is read from its OpenAPI document
                yield from _leaves(pattern.url_patterns, inner, kwargs + names)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", kwargs + names


def _reversed(name: str, params: tuple[str, ...]) -> Iterator[tuple[str, str | None]]:
    """Each URL of the pattern (one per Open311 format) and its NUL twin, if it has one."""
    for fmt in SAMPLES["fmt"] if "fmt" in params else [None]:
        chosen: dict[str, str] = {"fmt": fmt} if fmt else {}
        for param in params:
            if param == "fmt":
                continue
            for value in SAMPLES.get(param, FALLBACK):
                try:
                    reverse(name, kwargs={**chosen, param: value})
                except NoReverseMatch:
                    continue
                chosen[param] = value
                break
        try:
            path = reverse(name, kwargs=chosen)
        except NoReverseMatch:
            continue
        yield path, _with_nul(name, chosen)


def _with_nul(name: str, chosen: dict[str, str]) -> str | None:
    for param in chosen:
        if param != "fmt":
            try:
                return reverse(name, kwargs={**chosen, param: chosen[param] + NUL})
            except NoReverseMatch:
                continue
    return None


def _nul_segment(path: str) -> str:
    """``path`` with NUL in its last segment, before its suffix (``.xml``) if it has one."""
    head, slash, tail = path.rstrip("/").rpartition("/")
    stem, dot, suffix = tail.rpartition(".") if "." in tail else (tail, "", "")
    return f"{head}{slash}{stem}%00{dot}{suffix}" + ("/" if path.endswith("/") else "")


def _project_targets() -> list[Target]:
    targets = []
    for name, params in _leaves(get_resolver().url_patterns):
        for path, path_with_nul in _reversed(name, params):
            nul = path_with_nul or _nul_segment(path)
            targets.append(Target("GET", path, nul))
            targets.append(Target("POST", path, nul))
    return targets


def _api_targets() -> list[Target]:
    targets = []
    for route, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            parameters = operation.get("parameters", [])
            query = frozenset(p["name"] for p in parameters if p["in"] == "query")
            path = re.sub(r"\{[^}]+\}", "2026", route)
            nul = re.sub(r"\{[^}]+\}", "2026%00", route) if "{" in route else path + "%00"
            targets.append(Target(method.upper(), path, nul, query))
    return targets


def _form_fields() -> set[str]:
    found: set[str] = set()
    pending: list[type[forms.BaseForm]] = [forms.Form]
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        if form.__module__.startswith("jiceng."):
            found.update(getattr(form, "base_fields", {}))
    return found


TARGETS = _project_targets() + _api_targets()
FIELDS = sorted(QUERY_NAMES | _form_fields())
BIG_JSON = b'{"x": "' + b"a" * TEN_MB + b'"}'
BIG_FORM = b"description=" + b"a" * TEN_MB
assert len({t.path for t in TARGETS}) > 150, "the URL walk found too few URLs"


def _query(target: Target, value: str) -> str:
    names = sorted(target.query_names.union(FIELDS))
    return "&".join(f"{name}={value}" for name in names)


def _json_api(target: Target) -> bool:
    return target.path.startswith(API)


def _probes(target: Target) -> Iterator[tuple[str, str, str, bytes | None, str]]:
    """(probe, method, url, body, content type) for each probe of ``target``."""
    method = target.method
    yield "nul in path", method, target.path_with_nul or target.path, None, ""
    yield "nul in query", method, f"{target.path}?{_query(target, '%00')}", None, ""
    yield "bad utf-8 in query", method, f"{target.path}?{_query(target, '%ff%fe')}", None, ""
    yield "negative numbers", method, f"{target.path}?{_query(target, '-1')}&page=-5", None, ""
    huge = f"{target.path}?{_query(target, '99999999999999999999')}&year=99999"
    yield "huge numbers", method, huge, None, ""
    if method != "POST":
        return
    if _json_api(target):
        kind = "application/json"
        nul_body = json.dumps({name: "\u0000" for name in ("description", "reason", "x")})
        yield "nul in body", method, target.path, nul_body.encode(), kind
        yield "bad utf-8 in body", method, target.path, b'{"description": "\xff\xfe"}', kind
        half = b'{"description": "\\ud800", "reason": "\\udfff", "into": "\\ud800"}'
        yield "half a utf-16 pair in body", method, target.path, half, kind
        yield "10 MB body", method, target.path, BIG_JSON, kind
    else:
        kind = "application/x-www-form-urlencoded"
        form = "&".join(f"{name}=%00" for name in FIELDS).encode()
        yield "nul in body", method, target.path, form, kind
        yield "bad utf-8 in body", method, target.path, b"description=\xff\xfe&q=%ff", kind
        yield "10 MB body", method, target.path, BIG_FORM, kind


def _shape_problem(path: str, response: Any) -> str | None:
    status, kind = response.status_code, response.get("Content-Type", "")
    if status >= 500:
        return f"server error {status}"
    if status < 400 or (status == 405 and not path.startswith(("/api/", "/open311/"))):
        return None
    if path.startswith("/api/") and not path.startswith("/api/v1/docs"):
        body = json.loads(response.content) if kind.startswith("application/json") else None
        ok = isinstance(body, dict) and {"code", "message"} <= body.keys()
        return None if ok else f"{status} not in the API's error shape ({kind})"
    if path.startswith("/open311/"):
        if ".xml" in path:
            xml = kind.startswith("text/xml")
            root = ET.fromstring(response.content) if xml else None  # noqa: S314 — ours
            ok = root is not None and root.tag == "errors"
        else:
            ok = kind.startswith("application/json") and isinstance(
                json.loads(response.content), list
            )
        return None if ok else f"{status} not in Open311's error shape ({kind})"
    return None if kind.startswith("text/html") else f"{status} page is not HTML ({kind})"


@pytest.mark.parametrize("as_user", ["anonymous", "dispatcher"])
def test_no_bad_input_anywhere_makes_a_server_error(
    client: Client, users: dict[str, User], as_user: str
) -> None:
    submit(users)
    if as_user != "anonymous":
        client.force_login(users[as_user])
    problems = []
    for target in TARGETS:
        for probe, method, url, body, kind in _probes(target):
            if method == "POST":
                response = client.generic("POST", url, body or b"", content_type=kind)
            else:
                response = client.generic(method, url)
            problem = _shape_problem(url, response)
            if problem:
                problems.append(f"{method} {url[:90]!r} [{probe}]: {problem}")
    assert not problems, "\n".join(problems[:60]) + f"\n({len(problems)} in all)"
