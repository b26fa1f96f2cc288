"""Campaigns: opening one, linking and proposed cases, burn-down, close-out, public progress."""

from datetime import date, timedelta

import pytest
from django.test import Client

from jiceng.campaigns import selectors, services
from jiceng.campaigns.models import Campaign, CampaignKind
from jiceng.cases import services as case_services
from jiceng.core import clock
from jiceng.core.errors import NotAllowed

from factories import JIANGDONG, accepted, submit

pytestmark = pytest.mark.django_db
LIGHT = "村口的路灯坏了三个星期，晚上很黑，老人出门不安全。"


def _as(users, who):
    client = Client()
    client.force_login(users[who])
    return client


def _campaign(users, org, *, cases=(), public=False, who="township"):
    return services.campaign_create(
        by=users[who],
        kind=CampaignKind.MONTHLY_FOCUS,
        title="路灯不亮专项",
        lead_unit=org["fengqiao"],
        co_units=[org["water"]],
        target_date=date(2026, 3, 31),
        keywords="路灯 不亮",
        public=public,
        cases=cases,
    )


def test_a_township_opens_a_campaign_from_the_page_with_cases_linked(users, org, monday):
    case = submit(users)
    page = _as(users, "township").post(
        "/workbench/campaigns/",
        {
            "new-kind": "monthly_focus",
            "new-title": "路灯不亮专项",
            "new-lead_unit": org["fengqiao"].pk,
            "new-co_units": [org["water"].pk],
            "new-target_date": "2026-03-31",
            "new-numbers": case.number,
        },
    )
    campaign = Campaign.objects.get()
    assert page["Location"] == f"/workbench/campaigns/{campaign.pk}/"
    assert list(campaign.links.values_list("case_id", flat=True)) == [case.pk]
    assert campaign.area == "330681109"


def test_a_village_cadre_cannot_open_a_campaign(users, org, monday):
    with pytest.raises(NotAllowed):
        _campaign(users, org, who="cadre")


def test_new_matching_cases_are_proposed_and_others_are_not(users, org, monday):
    linked = submit(users)
    campaign = _campaign(users, org, cases=[linked])
    same = submit(users, description="天竺社区村口路灯坏了，晚上很黑，老人出门不安全。")
    other = submit(users, category="environment", description="河里有人倒垃圾，臭气熏天。")
    proposed = selectors.proposed_cases(users["township"], campaign)
    assert same in proposed and other not in proposed


def test_an_outsider_township_gets_404_and_cannot_link(users, org, monday):
    campaign = _campaign(users, org, cases=[submit(users)])
    outsider = _as(users, "outsider")
    assert outsider.get(f"/workbench/campaigns/{campaign.pk}/").status_code == 404
    theirs = submit(users, village=JIANGDONG)
    response = outsider.post(
        f"/workbench/campaigns/{campaign.pk}/link/", {"link-numbers": theirs.number}
    )
    assert response.status_code == 404
    assert campaign.links.count() == 1


def test_the_burn_down_counts_open_cases_per_day_and_the_list_is_oldest_first(users, org, monday):
    first, second = accepted(users), submit(users)
    campaign = _campaign(users, org, cases=[first, second])
    with clock.frozen_at(clock.now() + timedelta(days=1)):
        case_services.case_resolve(case=first, by=users["cadre"], answer="已修好。")
    with clock.frozen_at(clock.now() + timedelta(days=2)):
        days = selectors.burn_down(selectors.linked_cases(users["township"], campaign), campaign)
        oldest = list(selectors.oldest_open_first(users["township"], campaign))
    assert [day.open for day in days] == [2, 1, 1]
    assert oldest == [second]


def test_closing_needs_a_report_and_shows_it(users, org, monday):
    campaign = _campaign(users, org, cases=[submit(users)])
    client = _as(users, "township")
    client.post(f"/workbench/campaigns/{campaign.pk}/close/", {"close-report": ""})
    assert Campaign.objects.get().closed_at is None
    client.post(f"/workbench/campaigns/{campaign.pk}/close/", {"close-report": "全部修复。<b>"})
    page = client.get(f"/workbench/campaigns/{campaign.pk}/").content.decode()
    assert "全部修复。&lt;b&gt;" in page


def test_public_progress_only_when_chosen_and_without_case_details(users, org, client, monday):
    hidden = _campaign(users, org, cases=[submit(users)])
    shown = _campaign(users, org, cases=[submit(users)], public=True)
    assert client.get(f"/campaigns/{hidden.pk}/").status_code == 404
    page = client.get(f"/campaigns/{shown.pk}/").content.decode()
    assert "1 of 1 cases still open." in page
    assert LIGHT not in page and shown.links.get().case.number not in page


def test_linking_needs_a_csrf_token(users, org, monday):
    campaign = _campaign(users, org)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["township"])
    case = submit(users)
    response = strict.post(
        f"/workbench/campaigns/{campaign.pk}/link/", {"link-numbers": case.number}
    )
    assert response.status_code == 403
    assert campaign.links.count() == 0


def test_the_list_shows_only_campaigns_of_the_users_area(users, org, monday):
    _campaign(users, org)
    assert "路灯不亮专项" in _as(users, "township").get("/workbench/campaigns/").content.decode()
    assert "路灯不亮专项" in _as(users, "leader").get("/workbench/campaigns/").content.decode()
    assert (
        "路灯不亮专项" not in _as(users, "outsider").get("/workbench/campaigns/").content.decode()
    )


def test_a_campaign_shows_the_root_causes_of_its_resolved_cases(users, org, monday):
    case = accepted(users)
    campaign = _campaign(users, org, cases=[case])
    case_services.case_resolve(
        case=case, by=users["cadre"], answer="已修好。", root_cause="ageing_facility"
    )
    page = _as(users, "township").get(f"/workbench/campaigns/{campaign.pk}/").content.decode()
    assert "Ageing road or facility: 1" in page


def test_the_campaign_page_is_in_chinese_by_default(users, org, monday, chinese):
    campaign = _campaign(users, org, cases=[submit(users)])
    page = _as(users, "township").get(f"/workbench/campaigns/{campaign.pk}/").content.decode()
    assert "牵头单位" in page and "燃尽图" in page
