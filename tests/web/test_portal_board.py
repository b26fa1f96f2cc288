"""The public board: anonymised recent requests, township rates, what was fixed; few queries."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Category, Satisfaction
from jiceng.cases.public import scrub, shorten
from jiceng.people.models import UnitKind
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level

from factories import BAISHU, JIANGDONG, dispatched, resolved, submit

pytestmark = pytest.mark.django_db

# counties, recent, fixed; the rates: divisions, units, months rolled up, three aggregates
BOARD_QUERIES = 9
BOARD_QUERIES_RATES_CACHED = 3


def rate(case, *, solved: bool = True, satisfaction: str = Satisfaction.SATISFIED) -> None:
    services.case_rate(case=case, solved=solved, satisfaction=satisfaction)


def board(client: Client, query: str = "") -> str:
    return client.get(f"/board/{query}", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def recent_section(page: str) -> str:
    return page[page.index('id="recent"') :]


def test_recent_requests_are_shown_without_numbers_names_or_phones(client, users, monday):
    case = dispatched(
        users,
        description="王小明反映：村口路灯坏了，请联系13812345678，身份证330681199001011234。",
    )
    page = board(client)
    assert "村口路灯坏了" in page and "天竺社区居委会" in page and "枫桥镇" in page
    assert case.number not in page and "王小明" not in page and "小明" not in page
    assert not re.search(r"\d{11}", page.replace(case.submitted_at.strftime("%Y"), ""))
    assert "Sent to the unit" in page and "Roads and transport" in page


def test_descriptions_are_cut_to_about_forty_characters(client, users):
    # Taken by phone: on the web form, one phrase repeated twenty times is held as spam.
    dispatched(users, description="很长的描述" * 20, channel="phone")
    page = board(client)
    assert "很长的描述" * 7 + "很长的描…" in page and "很长的描述" * 9 not in page


def test_consultations_and_requests_not_yet_dispatched_stay_off_the_board(client, users):
    submit(users, description="尚未派单的诉求")
    services.case_consult(
        category=Category.objects.get(code="social_security"),
        question="咨询养老金发放时间",
        answer="每月15日发放",
        division_code=BAISHU,
        contact_phone="13900000000",
        by=users["dispatcher"],
    )
    page = board(client)
    assert "尚未派单的诉求" not in page and "咨询养老金" not in page


def test_a_script_in_a_description_is_shown_escaped(client, users):
    dispatched(users, description="<script>alert(1)</script>路灯")
    page = board(client)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)" in page


def test_what_we_fixed_lists_requests_closed_as_solved_with_days_taken(client, users, monday):
    solved = resolved(users, description="已经修好的路灯")
    rate(solved)
    unsolved = resolved(users, description="没修好但基本满意")
    rate(unsolved, solved=False, satisfaction=Satisfaction.BASICALLY)
    page = board(client)
    fixed = page[page.index('id="fixed"') : page.index('id="rates"')]
    assert "已经修好的路灯" in fixed and "Solved in 1 day" in fixed
    assert "没修好但基本满意" not in fixed


def test_township_rates_show_this_month_and_a_dash_without_data(client, users, monday):
    case = resolved(users)
    rate(case)
    page = board(client)
    rates = page[page.index('id="rates"') : page.index('id="recent"')]
    assert "March 2026" in rates
    fengqiao = re.search(r"枫桥镇</th>(.*?)</tr>", rates, re.S)
    jiyang = re.search(r"暨阳街道</th>(.*?)</tr>", rates, re.S)
    assert fengqiao and re.findall(r"<td>(.*?)</td>", fengqiao.group(1)) == ["100%", "100%", "100%"]
    assert jiyang and re.findall(r"<td>(.*?)</td>", jiyang.group(1)) == ["—", "—", "—"]


def test_the_board_needs_the_same_few_queries_however_many_cases(
    client, users, monday, django_assert_num_queries
):
    dispatched(users)
    rate(resolved(users))
    with django_assert_num_queries(BOARD_QUERIES):
        client.get("/board/")
    for _ in range(6):
        dispatched(users)
        rate(resolved(users))
    cache.clear()
    with django_assert_num_queries(BOARD_QUERIES):
        page = client.get("/board/").content.decode()
    assert page.count("村口的路灯坏了") == 14 + 7
    with django_assert_num_queries(BOARD_QUERIES_RATES_CACHED):
        client.get("/board/")


def test_older_requests_are_on_further_pages(client, users):
    for n in range(21):
        dispatched(users, description=f"第{n:02d}号诉求")
    first, second = board(client), board(client, "?page=2")
    assert "第20号诉求" in first and "第00号诉求" not in first and 'href="?page=2"' in first
    assert "第00号诉求" in second and "第20号诉求" not in second and 'href="?page=1"' in second
    assert 'id="rates"' not in second
    assert "第20号诉求" in board(client, "?page=nonsense")


def test_each_county_has_its_own_board_and_the_first_is_the_default(client, users):
    county = Division.objects.create(
        code="330682", name="别县", level=Level.COUNTY, parent_id="3306"
    )
    Division.objects.create(code="330682001", name="别镇", level=Level.TOWNSHIP, parent_id="330682")
    Division.objects.create(
        code="330682001001", name="别村", level=Level.VILLAGE, parent_id="330682001"
    )
    ensure_unit(county, UnitKind.DISPATCH, active=True)
    dispatched(users, village=JIANGDONG, description="诸暨的诉求")
    default = board(client)
    assert 'name="county"' in default and "诸暨的诉求" in default and "别镇" not in default
    other = board(client, "?county=330682")
    assert "诸暨的诉求" not in other and "别镇" in other
    assert "诸暨的诉求" in board(client, "?county=999999")


def test_a_logged_in_outsider_sees_only_the_public_board(users):
    dispatched(users, description="我是王小明，电话13812345678")
    outsider = Client()
    outsider.force_login(users["outsider"])
    page = outsider.get("/board/").content.decode()
    assert "王小明" not in page and "13812345678" not in page and "我是**" in page


def test_scrub_hides_long_numbers_the_residents_name_and_house_numbers_but_keeps_others():
    text = (
        "王小明说3号楼12层漏水，电话138-1234-5678，"
        "卡号6222 0201 2345 6789，身份证33068119900101123X。小明很急"
    )
    assert scrub(text, name="王小明") == "**说**漏水，电话**，卡号**，身份证**。**很急"
    kept = "第20号诉求：12月3号起停水3天，欠费300元"
    assert scrub(kept) == kept
    assert shorten("一二三四五", 4) == "一二三…"


def test_names_introduced_and_house_numbers_are_not_published(client, users, monday):
    dispatched(users, description="我叫李秀英，住3栋2单元501室，楼道灯不亮", address="新街12号")
    page = recent_section(board(client))
    assert "楼道灯不亮" in page
    for secret in ("李秀英", "秀英", "501室", "3栋", "新街12号"):
        assert secret not in page, secret
