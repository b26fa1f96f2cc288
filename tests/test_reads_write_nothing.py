"""Every GET, on every page and endpoint, for every kind of user, writes nothing.

The URL patterns are read from the resolver, so a new page is walked without being
listed here; its path parameters are filled from a small set of real rows (a case with
a photo, a household, an outreach item, a policy...). Logging in happens before the
walk: Django writes the session row and ``last_login`` then, not on a GET.

What may be written on a GET, and why:

- the resident's link (``portal:link``) writes the visitor's session: opening a signed
  link remembers in the session which case this browser may follow, as typing the case
  number and phone digits would. It is the visitor's own state, not data.

Anything else written on a GET fails the test with the statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from fieldwork.households import household, member
from knowledge.knowledge_data import pension_document
from policies.policy_data import ELDERLY, policy

from jiceng.api.services import apikey_create
from jiceng.campaigns.models import Campaign, CampaignKind
from jiceng.campaigns.services import campaign_create
from jiceng.cases import services
from jiceng.cases.models import Satisfaction
from jiceng.cases.services import case_attach_photo
from jiceng.core import clock
from jiceng.notices import links
from jiceng.people.models import Role, Unit, User
from jiceng.places.models import Division, Level
from jiceng.policies.models import Outreach
from jiceng.policies.services import policies_match

from factories import FENGQIAO, TIANZHU, dispatched, photo, resolved, submit
from intake_support import BRIDGE, write_tiny_model

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(?:WITH\b.*?\)\s*)?(INSERT|UPDATE|DELETE|REPLACE)\b", re.I | re.S)
# (URL name, table) pairs a GET may write; see the module docstring.
ALLOWED = {("portal:link", "django_session")}
# Paths that answer "not found" to everyone by design: the admin's catch-all, its "view on
# site" (no model has a public page), and the API's root (it has only its endpoints).
NOT_FOUND_BY_DESIGN = {"/admin/no-such-page/", "/api/v1/"}
NEW_VILLAGE = "330681109099"
STAFF = ("dispatcher", "cadre", "grid_worker", "township", "water", "leader")
# A path parameter as written in a route or a regex, for the patterns without a name.
GROUP = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _patterns(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, list[str]]]:
    """(namespaced name or "", the route as written, its parameters) of every pattern."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(p for p in (namespace, pattern.namespace or "") if p)
            yield from _patterns(pattern.url_patterns, route, inner)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name or "", route, list(pattern.pattern.regex.groupindex)


@pytest.fixture
def rows(users: dict[str, User], monday: object, settings: object, tmp_path: Path) -> dict:
    """One real row for each kind of path parameter.

    The case comes from a village imported after set-up, which has no unit yet, and the
    category model proposes a unit for it: the intake panel once created the unit then.
    """
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    # With a token the SMS gateways' callback addresses exist, and are walked too.
    settings.JICENG_SMS_RECEIPT_TOKEN = "receipt-token"  # type: ignore[attr-defined]
    model = write_tiny_model(tmp_path / "model.npz")
    settings.JICENG_CATEGORY_MODEL = str(model)  # type: ignore[attr-defined]
    Division.objects.create(
        code=NEW_VILLAGE, name="新建村", level=Level.VILLAGE, parent_id=FENGQIAO
    )
    case = submit(users, division_code=NEW_VILLAGE, description=BRIDGE, title="")
    dispatched(users)
    attachment = case_attach_photo(case=case, file=ContentFile(photo("PNG"), name="road.png"))
    rated = resolved(users)
    services.case_rate(case=rated, solved=True, satisfaction=Satisfaction.SATISFIED)
    home = household(worker=users["grid_worker"], number="0001")
    member(home, born=date(1940, 5, 1))
    policy("elderly", ELDERLY, title="高龄津贴")
    policies_match()
    expires = clock.now() + timedelta(days=30)
    device = TOTPDevice.objects.create(user=users["admin"], name="phone", confirmed=True)
    return {
        "number": case.number,
        "photo": attachment.pk,
        "household": home.pk,
        "outreach": Outreach.objects.filter(village_id=TIANZHU).values_list("pk", flat=True)[0],
        "policy": "elderly",
        "link": links.token(rated.pk, links.RATE, expires),
        "unit_type": ContentType.objects.get_for_model(Unit).pk,
        "unit": users["cadre"].unit_id,
        "user": users["cadre"].pk,
        "device": device.pk,
        "document": pension_document().pk,
        "campaign": _public_campaign(users, case).pk,
    }


def _public_campaign(users: dict[str, User], case: object) -> Campaign:
    township = users["township"]
    assert township.unit is not None
    return campaign_create(
        by=township,
        kind=CampaignKind.BACKLOG,
        title="旧账",
        lead_unit=township.unit,
        target_date=date(2026, 12, 31),
        public=True,
        cases=[case],  # type: ignore[list-item]
    )


def _value(name: str, route: str, group: str, rows: dict) -> str:
    by_group = {
        "number": rows["number"],
        "fmt": "json",
        "chart": "ranking",
        "action": "accept",
        "token": rows["link"] if name == "portal:link" else rows["number"],
        "app_label": "people",
        "url": "no-such-page/",
        "gateway": "aliyun",
        "content_type_id": rows["unit_type"],
        "id": rows["user"],
    }
    if group == "code":
        return {"api-v1:division": TIANZHU, "field:rule": rows["policy"]}.get(name, "utilities")
    if group == "pk":
        kind = {"workbench:photo": "photo", "field:outcome": "outreach"}.get(name, "household")
        if name.startswith("knowledge:"):
            kind = "document"
        if name.startswith("campaigns:"):
            kind = "campaign"
        return str(rows["device" if name.startswith("admin:") else kind])
    if group == "object_id":
        return str(_admin_object(route, rows))
    return str(by_group[group])


def _admin_object(route: str, rows: dict) -> object:
    """The first row of the model an admin path is for (the unit, for "view on site")."""
    found = re.match(r"admin/(\w+)/(\w+)/", route)
    if found is None:
        return rows["unit"]
    model = apps.get_model(found[1], found[2])
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return first if first is not None else 1


def _path(name: str, route: str, groups: list[str], rows: dict) -> str:
    values = {group: _value(name, route, group, rows) for group in groups}
    if name and not name.endswith(":None"):
        return reverse(name, kwargs=values)
    filled = GROUP.sub(lambda m: values[m[1] or m[2]], route)
    return "/" + filled.replace("^", "").replace("$", "")


def _writes(client: Client, name: str, path: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    allowed = [f'"{table}"' for url, table in ALLOWED if url == name]
    statements = [q["sql"] for q in captured.captured_queries if WRITE.match(q["sql"])]
    return response.status_code, [
        sql for sql in statements if not any(table in sql.split("(")[0] for table in allowed)
    ]


def _clients(users: dict[str, User]) -> dict[str, Client]:
    _key, raw = apikey_create(name="hotline", role=Role.DISPATCHER, jurisdiction="330681")
    clients = {"anonymous": Client(), "api key": Client(headers={"X-API-Key": raw})}
    for role in (*STAFF, "admin"):
        clients[role] = Client()
        clients[role].force_login(users[role])  # the login's own writes happen here
    return clients


def test_no_get_request_writes_anything(users, rows):
    clients = _clients(users)
    answered: dict[str, set[int]] = {}
    failures = []
    for name, route, groups in _patterns(get_resolver().url_patterns):
        path = _path(name, route, groups, rows)
        who = ("admin",) if route.startswith("admin/") else tuple(clients)
        for role in who:
            status, written = _writes(clients[role], name, path)
            answered.setdefault(path, set()).add(status)
            failures += [f"GET {path} as {role} ({status}): {sql}" for sql in written]
    assert failures == [], "\n".join(f[:160] for f in failures)
    # The walk reached real pages: each path answered someone with a page, a redirect or
    # "use POST" (405), not only with "not found".
    unanswered = {path for path, statuses in answered.items() if statuses <= {404}}
    assert {p for p in unanswered if not p.startswith("/admin/r/")} == NOT_FOUND_BY_DESIGN
