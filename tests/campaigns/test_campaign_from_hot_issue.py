"""A leader adopts a hot issue as a campaign from the dashboard's hot issues, in one click."""

from datetime import date, timedelta

import pytest
from django.test import Client

from jiceng.campaigns.hotissue import keywords_of
from jiceng.campaigns.models import Campaign, CampaignKind
from jiceng.core import clock
from jiceng.insights.models import HotIssue
from jiceng.insights.services import hot_issues_refresh
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.models import Division, Level

from factories import JIANGDONG
from hot_issue_data import submit_all

pytestmark = pytest.mark.django_db
HOT = "/dashboard/hot-issues/?month=2026-03"


@pytest.fixture
def issue(users, monday) -> HotIssue:
    cases = submit_all(users)
    hot_issues_refresh(county="330681", year=2026, month=3)
    found = HotIssue.objects.get(county="330681", month=date(2026, 3, 1))
    assert set(found.case_ids) == {case.pk for case in cases["bridge"]}
    return found


def _as(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _adopt(client: Client, issue: HotIssue, *, csrf: bool = True) -> object:
    page = client.get("/workbench/campaigns/")  # any page with a form gives the token
    token = page.context["csrf_token"] if csrf else "nope"
    url = f"/workbench/campaigns/from-hot-issue/{issue.pk}/"
    return client.post(url, {"csrfmiddlewaretoken": str(token)})


def test_the_hot_issue_carries_a_post_button_with_a_csrf_token(users, issue):
    html = _as(users["leader"]).get(HOT, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    form = html.split(f'action="/workbench/campaigns/from-hot-issue/{issue.pk}/"')[1]
    assert 'name="csrfmiddlewaretoken"' in form.split("</form>")[0]
    assert "Adopt as a campaign" in form


def test_a_leader_adopts_a_hot_issue_with_its_cases_and_keywords(users, issue):
    client = _as(users["leader"])
    response = _adopt(client, issue)
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/workbench/campaigns/{campaign.pk}/"
    assert sorted(campaign.links.values_list("case_id", flat=True)) == sorted(issue.case_ids)
    assert issue.keywords and campaign.keywords == " ".join(issue.keywords)
    assert (campaign.kind, campaign.area) == (CampaignKind.MONTHLY_FOCUS, "330681")
    assert campaign.lead_unit == users["leader"].unit and "东溪石桥" in campaign.title
    assert campaign.target_date == clock.now().date() + timedelta(days=30)
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "东溪石桥" in page and "hot issue&#x27;s requests" in page
    again = _adopt(client, issue)  # a second click leads to the same campaign
    assert again["Location"] == response["Location"] and Campaign.objects.count() == 1


def test_township_staff_adopt_only_the_requests_of_their_township(users, issue):
    _adopt(_as(users["township"]), issue)
    campaign = Campaign.objects.get()
    linked = set(campaign.links.values_list("case__division_id", flat=True))
    assert campaign.area == "330681109" and JIANGDONG not in linked and linked


def test_the_post_needs_the_csrf_token(users, issue):
    assert _adopt(_as(users["leader"]), issue, csrf=False).status_code == 403
    assert not Campaign.objects.exists()


def test_a_leader_of_another_county_gets_a_404_and_no_campaign(users, issue):
    county = Division.objects.create(
        code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306"
    )
    unit = Unit.objects.create(
        division=county, kind=UnitKind.COUNTY, slug="", name="上虞区人民政府"
    )
    outsider = User.objects.create_user(username="shangyu", role=Role.LEADER, unit=unit)
    client = _as(outsider)
    assert "Adopt as a campaign" not in client.get(HOT).content.decode()
    response = _adopt(client, issue)
    assert response.status_code == 404 and "东溪石桥" not in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_village_cadre_sees_no_button_and_cannot_adopt(users, issue):
    client = _as(users["cadre"])
    assert "Adopt as a campaign" not in client.get(HOT).content.decode()
    assert _adopt(client, issue).status_code == 404 and not Campaign.objects.exists()


def test_keywords_are_kept_as_whole_words_within_the_field(issue):
    issue.keywords = ["石桥" * 30, "塌陷" * 40, "桥面"]
    assert keywords_of(issue) == f"{'石桥' * 30} {'塌陷' * 40} 桥面"
    issue.keywords = ["长" * 150, "短词" * 30, "桥"]
    assert keywords_of(issue) == f"{'长' * 150} 桥"


def test_the_button_and_the_message_are_in_chinese(users, issue, chinese):
    client = _as(users["leader"])
    assert "列为专项行动" in client.get(HOT).content.decode()
    page = client.get(_adopt(client, issue)["Location"]).content.decode()
    assert "专项行动已开启" in page
