"""The rule builder: conditions in a form, a preview of who matches, then save."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from django.test import Client
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.models import Division, Level
from jiceng.policies.models import Outreach, Policy, PolicyRuleChange

from factories import BAISHU

URL = "/workbench/field/policies/elderly/rule/"


def _form(
    combine: str, *rows: tuple[str, str, str], groups: tuple[tuple[str, list[Row]], ...] = ()
) -> dict[str, str]:
    """The builder's POST: the rule's own conditions, then up to two bracketed groups."""
    data = {"combine": combine} | _rows("form", 4, rows)
    for index in range(2):
        inner_combine, inner = groups[index] if index < len(groups) else ("any", [])
        data |= {f"g{index}-combine": inner_combine} | _rows(f"g{index}c", 3, inner)
    return data


Row = tuple[str, str, str]


def _rows(prefix: str, size: int, rows: Sequence[Row]) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(size),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": str(size),
        f"{prefix}-MAX_NUM_FORMS": str(size),
    }
    for index, (field, op, value) in enumerate(rows):
        data |= {
            f"{prefix}-{index}-field": field,
            f"{prefix}-{index}-op": op,
            f"{prefix}-{index}-value": value,
        }
    return data


@pytest.fixture
def civil_affairs(users: dict[str, User], org: dict[str, Unit]) -> User:
    """Staff of 诸暨市民政局, the department that issued the policy."""
    unit = Unit.objects.create(
        kind=UnitKind.DEPARTMENT, name="诸暨市民政局", division_id="330681", slug="civil-affairs"
    )
    return User.objects.create_user(
        username="civil", password="pw", role=Role.DEPARTMENT_STAFF, unit=unit
    )


@pytest.fixture
def leader(civil_affairs: User, monday: object) -> Client:
    """The issuing department's author (the fixture's name is kept from when leaders edited)."""
    member(household(), born=date(1946, 3, 2))  # 80 today
    member(household(dibao=True), born=date(1950, 1, 1))
    policy("elderly", ELDERLY, owner=civil_affairs.unit)
    client = Client()
    client.force_login(civil_affairs)
    return client


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_form_shows_the_saved_rule(leader: Client) -> None:
    html = leader.get(URL).content.decode()
    assert 'value="80"' in html and 'value="330681"' in html


def test_preview_counts_matches_without_saving_or_opening_outreach(leader: Client) -> None:
    data = _form("any", ("age", ">=", "80"), ("dibao", "is", "yes")) | {"action": "preview"}
    html = leader.post(URL, data).content.decode()
    assert "People who qualify and are not receiving: &lt;5" in html
    assert Policy.objects.get().rule == ELDERLY and not Outreach.objects.exists()


def test_saving_stores_the_built_rule(leader: Client) -> None:
    data = _form("all", ("age", ">=", "81")) | {"action": "save"}
    html = leader.post(URL, data).content.decode()
    assert "Rule saved." in html and "People who qualify and are not receiving: 0" in html
    assert Policy.objects.get().rule == {"all": [{"field": "age", "op": ">=", "value": 81}]}


def test_a_bad_condition_is_explained_and_nothing_is_saved(leader: Client) -> None:
    response = leader.post(URL, _form("all", ("age", "is", "old")) | {"action": "save"})
    assert response.status_code == 400
    assert "Age needs a comparison" in response.content.decode()
    assert Policy.objects.get().rule == ELDERLY


@pytest.mark.parametrize("who", ["cadre", "outsider_cadre", "township"])
def test_village_and_township_staff_cannot_open_the_builder(
    users: dict[str, User], leader: Client, who: str
) -> None:
    client = Client()
    client.force_login(users[who])
    assert client.get(URL).status_code == 403
    assert (
        client.post(URL, _form("all", ("veteran", "is", "yes")) | {"action": "save"}).status_code
        == 403
    )
    assert Policy.objects.get().rule == ELDERLY


A_AND_B_OR_C = {
    "all": [
        {"field": "age", "op": ">=", "value": 70},
        {
            "any": [
                {"field": "dibao", "op": "is", "value": True},
                {"field": "disability", "op": "is", "value": True},
            ]
        },
    ]
}
GROUP = ("any", [("dibao", "is", "yes"), ("disability", "is", "yes")])


def test_preview_of_a_and_b_or_c_counts_exactly_the_people_it_describes(
    leader: Client,
) -> None:
    home = household()
    member(home, born=date(1950, 1, 1), disability=True)  # 76, disability: yes
    member(home, born=date(1990, 1, 1), disability=True)  # too young: no
    member(household(), born=date(1940, 1, 1))  # 86, neither: no
    # Also matching: the fixture's 低保 member born 1950 (76).
    data = _form("all", ("age", ">=", "70"), groups=(GROUP,)) | {"action": "preview"}
    html = leader.post(URL, data).content.decode()
    assert "People who qualify and are not receiving: &lt;5" in html
    assert "aged 70 or over and (minimum living allowance family or disability)" in html
    assert Policy.objects.get().rule == ELDERLY


def test_saving_a_nested_rule_stores_the_group_and_shows_it_again(leader: Client) -> None:
    data = _form("all", ("age", ">=", "70"), groups=(GROUP,)) | {"action": "save"}
    assert "Rule saved." in leader.post(URL, data).content.decode()
    assert Policy.objects.get().rule == A_AND_B_OR_C
    html = leader.get(URL).content.decode()
    assert 'name="g0-0-field"' not in html  # the group's rows live in their own formset
    assert '<option value="dibao" selected>' in html
    assert '<option value="disability" selected>' in html


def test_a_group_of_one_condition_is_saved_as_that_condition(leader: Client) -> None:
    one = ("any", [("veteran", "is", "yes")])
    data = _form("all", ("age", ">=", "60"), groups=(one,)) | {"action": "save"}
    leader.post(URL, data)
    assert Policy.objects.get().rule == {
        "all": [
            {"field": "age", "op": ">=", "value": 60},
            {"field": "veteran", "op": "is", "value": True},
        ]
    }


def test_a_bad_condition_inside_a_group_is_explained_and_nothing_is_saved(
    leader: Client,
) -> None:
    bad = ("any", [("dibao", "is", "yes"), ("hukou", "in", "诸暨")])
    response = leader.post(
        URL, _form("all", ("age", ">=", "70"), groups=(bad,)) | {"action": "save"}
    )
    assert response.status_code == 400
    assert "Registered-in needs a division code" in response.content.decode()
    assert Policy.objects.get().rule == ELDERLY


def test_a_rule_deeper_than_the_form_is_never_flattened_by_saving(leader: Client) -> None:
    deep = {
        "all": [
            {"field": "veteran", "op": "is", "value": True},
            {"any": [{"all": [{"field": "dibao", "op": "is", "value": True}]}]},
        ]
    }
    Policy.objects.update(rule=deep)
    assert "Save rule" not in leader.get(URL).content.decode()
    response = leader.post(URL, _form("all", ("veteran", "is", "yes")) | {"action": "save"})
    assert response.status_code == 400
    assert Policy.objects.get().rule == deep


def test_the_admin_links_each_policy_to_its_builder(users: dict[str, User], leader: Client) -> None:
    client = Client()
    client.force_login(users["admin"])
    assert URL in client.get("/admin/policies/policy/").content.decode()


def test_another_department_cannot_change_the_rule_of_a_policy_it_did_not_issue(
    users: dict[str, User], leader: Client
) -> None:
    water = _client(users["water"])
    response = water.post(URL, _form("all", ("age", ">=", "100")) | {"action": "save"})
    assert response.status_code == 403
    assert (
        water.post(URL, _form("all", ("age", ">=", "100")) | {"action": "preview"}).status_code
        == 403
    )
    assert Policy.objects.get().rule == ELDERLY and not PolicyRuleChange.objects.exists()


def test_another_department_sees_the_rule_but_no_form_and_no_change_log(
    users: dict[str, User], leader: Client
) -> None:
    html = _client(users["water"]).get(URL).content.decode()
    assert "aged 80 or over" in html and "Save rule" not in html
    assert "Only 诸暨市民政局, which issued this policy" in html
    assert "Changes to this rule" not in html


def test_a_leader_reads_the_change_log_but_cannot_change_the_rule(
    users: dict[str, User], leader: Client
) -> None:
    leader.post(URL, _form("all", ("age", ">=", "85")) | {"action": "save"})
    client = _client(users["leader"])
    html = client.get(URL).content.decode()
    assert "Changes to this rule" in html and "aged 85 or over" in html and "civil" in html
    response = client.post(URL, _form("all", ("age", ">=", "90")) | {"action": "save"})
    assert response.status_code == 403
    assert Policy.objects.get().rule == {"all": [{"field": "age", "op": ">=", "value": 85}]}


def test_every_saved_change_is_logged_with_who_when_and_both_rules(
    civil_affairs: User, leader: Client, monday: object
) -> None:
    leader.post(URL, _form("all", ("age", ">=", "85")) | {"action": "save"})
    leader.post(URL, _form("all", ("age", ">=", "85")) | {"action": "save"})  # no change
    [change] = PolicyRuleChange.objects.all()
    assert change.by == civil_affairs and change.at == monday
    assert change.old_rule == ELDERLY
    assert change.new_rule == {"all": [{"field": "age", "op": ">=", "value": 85}]}
    html = leader.get(URL).content.decode()
    assert "aged 80 or over and registered in 330681 → aged 85 or over" in html


def test_an_administrator_changes_any_policy_and_is_logged(
    users: dict[str, User], leader: Client
) -> None:
    admin = _client(users["admin"])
    admin.post(URL, _form("all", ("age", ">=", "75")) | {"action": "save"})
    assert PolicyRuleChange.objects.get().by == users["admin"]


def test_a_policy_without_an_issuing_department_is_changed_only_by_administrators(
    users: dict[str, User], leader: Client
) -> None:
    Policy.objects.update(owner=None)
    response = leader.post(URL, _form("all", ("age", ">=", "100")) | {"action": "save"})
    assert response.status_code == 403 and Policy.objects.get().rule == ELDERLY


def test_the_admin_logs_a_rule_changed_there_and_shows_the_log_read_only(
    users: dict[str, User], leader: Client
) -> None:
    admin = _client(users["admin"])
    policy_row = Policy.objects.get()
    page = admin.get(f"/admin/policies/policy/{policy_row.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {
        "rule": '{"all": [{"field": "age", "op": ">=", "value": 90}]}',
        "owner": str(policy_row.owner_id),
    }
    data |= {"valid_from": "2026-01-01"}
    response = admin.post(f"/admin/policies/policy/{policy_row.pk}/change/", data)
    assert response.status_code == 302
    [change] = PolicyRuleChange.objects.all()
    assert (change.by, change.old_rule) == (users["admin"], ELDERLY)
    assert change.new_rule == {"all": [{"field": "age", "op": ">=", "value": 90}]}
    listing = admin.get("/admin/policies/policyrulechange/")
    assert listing.status_code == 200 and "age" in listing.content.decode()
    assert admin.get(f"/admin/policies/policyrulechange/{change.pk}/change/").status_code == 200
    assert admin.post(f"/admin/policies/policyrulechange/{change.pk}/delete/").status_code == 403


def _preview(client: Client, *rows: Row) -> str:
    return str(client.post(URL, _form("all", *rows) | {"action": "preview"}).content.decode())


def test_a_preview_cannot_tell_whether_one_person_is_disabled(leader: Client) -> None:
    member(household(), born=date(1940, 1, 1), disability=True)  # the only 86-year-old
    alone = _preview(leader, ("age", "==", "86"))
    disabled = _preview(leader, ("age", "==", "86"), ("disability", "is", "yes"))
    not_disabled = _preview(leader, ("age", "==", "86"), ("disability", "is", "no"))
    assert "qualify and are not receiving: &lt;5" in alone and "天竺社区居委会: &lt;5" in alone
    for html in (disabled, not_disabled):
        assert "qualify and are not receiving: &lt;5" in html
        assert "天竺社区居委会" not in html and "protected health condition" in html


def test_small_counts_are_hidden_and_the_total_is_rounded_with_them(leader: Client) -> None:
    for _ in range(6):
        member(household(), born=date(1930, 1, 1), veteran=True)  # 96, in 天竺
    member(household(village=BAISHU), born=date(1930, 1, 1), veteran=True)
    html = _preview(leader, ("veteran", "is", "yes"))
    assert "天竺社区居委会: 6" in html and "百树社区居委会: &lt;5" in html
    assert "qualify and are not receiving: about 10" in html and ": 7" not in html


def test_counts_of_five_or_more_without_health_marks_are_exact(leader: Client) -> None:
    for _ in range(6):
        member(household(), born=date(1930, 1, 1), veteran=True)
    html = _preview(leader, ("veteran", "is", "yes"))
    assert "qualify and are not receiving: 6" in html and "天竺社区居委会: 6" in html


def test_a_rule_on_a_health_mark_shows_only_a_rounded_total(leader: Client) -> None:
    for _ in range(7):
        member(household(), born=date(1930, 1, 1), disability=True)
    html = _preview(leader, ("disability", "is", "yes"))
    assert "qualify and are not receiving: about 10" in html
    assert "天竺社区居委会" not in html and '<p class="hint">a protected health' not in html


def test_a_department_of_another_county_cannot_see_the_rule_or_its_log(
    places: dict[str, object], leader: Client
) -> None:
    leader.post(URL, _form("all", ("age", ">=", "85")) | {"action": "save"})
    Division.objects.create(code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306")
    unit = Unit.objects.create(
        kind=UnitKind.DEPARTMENT, name="上虞区民政局", division_id="330682", slug="civil-affairs"
    )
    stranger = User.objects.create_user(
        username="shangyu", password="pw", role=Role.DEPARTMENT_STAFF, unit=unit
    )
    client = _client(stranger)
    assert client.get(URL).status_code == 404
    assert (
        client.post(URL, _form("all", ("age", ">=", "100")) | {"action": "save"}).status_code == 404
    )
    assert Policy.objects.get().rule == {"all": [{"field": "age", "op": ">=", "value": 85}]}


def test_the_change_log_in_the_admin_is_for_administrators_only(
    users: dict[str, User], leader: Client
) -> None:
    leader.post(URL, _form("all", ("age", ">=", "85")) | {"action": "save"})
    for who in ("leader", "water"):
        response = _client(users[who]).get("/admin/policies/policyrulechange/")
        assert response.status_code == 302 and "/login/" in response["Location"]
