"""A small county with work in every state, for the walks through each role's pages.

What the system wrote on its own (the sweep's escalation, a rating's reopening, a merge,
the policy reasons) is written under zh-Hans, the product's default, as in production:
the pages must still show it in the language of the person reading.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import translation
from fieldwork.households import household, member
from knowledge.knowledge_data import pension_document
from policies.policy_data import ELDERLY, policy

from jiceng.campaigns import services as campaigns
from jiceng.campaigns import summons
from jiceng.campaigns.models import CampaignKind
from jiceng.cases import services, sweep
from jiceng.cases.models import Case, CaseEvent, EventKind, Satisfaction
from jiceng.people.models import Unit, User
from jiceng.policies.services import policies_match

from factories import accepted, dispatched, resolved, submit
from intake_support import SPAM_TEXT

ANY_OF = {
    "any": [
        {"field": "dibao", "op": "is", "value": True},
        {"field": "age", "op": ">=", "value": 65},
        {"field": "elderly_alone", "op": "is", "value": False},
    ]
}


def _cases(users: dict[str, User], org: dict[str, Unit]) -> dict[str, Case]:
    new = submit(users)
    escalated = accepted(users)
    services.case_escalate(case=escalated, by=users["cadre"], reason="需要镇里协调")
    reopened = resolved(users)
    services.case_rate(
        case=reopened, solved=False, satisfaction=Satisfaction.UNSATISFIED, comment="", by=None
    )
    late = accepted(users)
    sweep._escalate(late)  # the sweep's own words, as when the deadline passed
    summons.summons_create(case=late, by=users["township"], unit=org["water"], part="检修", days=2)
    rated = resolved(users)
    services.case_rate(case=rated, solved=True, satisfaction=Satisfaction.BASICALLY, by=None)
    survivor = dispatched(users)
    services.case_merge(case=submit(users), into=survivor, by=users["dispatcher"])
    submit(users, description=SPAM_TEXT, title="")  # held in the quarantine with its reasons
    return {
        "new": new,
        "dispatched": dispatched(users),
        "escalated": escalated,
        "reopened": reopened,
        "late": late,
        "survivor": survivor,
        "rated": rated,
    }


def build(users: dict[str, User], org: dict[str, Unit]) -> dict[str, object]:
    """Cases, households, outreach, a campaign and a policy document; the pages' ids."""
    with translation.override("zh-hans"):
        cases = _cases(users, org)
        home = household(dibao=True, number="0001")
        member(home, born=date(1940, 5, 1), name="张奶奶")
        member(household(address="天竺社区后街3号", number="0002"), born=date(1955, 1, 1))
        policy("elderly", ELDERLY, title="高龄津贴")
        policy("care", ANY_OF, title="困难老人关爱")
        policies_match()
    campaign = campaigns.campaign_create(
        by=users["township"],
        kind=CampaignKind.MONTHLY_FOCUS,
        title="路灯不亮专项",
        lead_unit=org["fengqiao"],
        target_date=date(2026, 3, 31),
        keywords="路灯",
        public=True,
        cases=[cases["new"]],
    )
    document = pension_document()
    ids: dict[str, object] = {name: case.number for name, case in cases.items()}
    ids.update(household=home.pk, campaign=campaign.pk, document=document.pk)
    ids["system_notes"] = _system_notes(cases)
    return ids


def _system_notes(cases: dict[str, Case]) -> set[int]:
    """The events whose notes the code worded (the people in them typed only values)."""
    written = CaseEvent.objects.filter(
        Q(case=cases["late"], kind__in=(EventKind.ESCALATE, EventKind.NOTE))
        | Q(case=cases["reopened"], kind=EventKind.REOPEN)
        | Q(case=cases["survivor"], kind=EventKind.NOTE)
    )
    return set(written.values_list("pk", flat=True))


CASE = "/workbench/cases/{%s}/"
# Each role's main pages; "{name}" stands for an id that ``build`` returns.
PAGES: dict[str, list[str]] = {
    "resident": [
        "/", "/submit/", "/follow/", "/follow/?number={reopened}", "/board/", "/policies/",
        "/policies/{document}/", "/campaigns/", "/campaigns/{campaign}/", "/login/",
    ],
    "dispatcher": [
        "/workbench/", "/workbench/?tab=area", "/workbench/?tab=area&state=submitted",
        "/workbench/desk/", "/workbench/desk/calls/", "/workbench/desk/quarantine/",
        "/workbench/knowledge/", "/workbench/knowledge/documents/{document}/",
        "/workbench/inbox/", "/workbench/account/notices/", "/workbench/cases/{new}/intake/",
        *(CASE % name for name in ("new", "reopened", "escalated", "late", "survivor")),
    ],
    "cadre": [
        "/workbench/", CASE % "dispatched", CASE % "reopened", "/workbench/inbox/",
        "/workbench/field/", "/workbench/field/visit/", "/workbench/field/coverage/",
        "/workbench/field/households/", "/workbench/field/households/roster/",
        "/workbench/field/households/{household}/", "/workbench/field/outreach/",
    ],
    "township": [
        "/workbench/?tab=area", "/dashboard/", "/workbench/campaigns/",
        "/workbench/campaigns/{campaign}/", "/workbench/root-causes/",
        CASE % "escalated", CASE % "late", CASE % "rated",
    ],
    "leader": [
        "/dashboard/", "/dashboard/hot-issues/", "/dashboard/rates/", "/workbench/",
        "/workbench/field/policies/elderly/rule/", "/workbench/field/policies/care/rule/",
    ],
    "water": ["/workbench/", "/workbench/summons/"],
}  # fmt: skip
