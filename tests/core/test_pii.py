"""Finding and masking personal data typed into free text (jiceng.core.pii)."""

from __future__ import annotations

import pytest

from jiceng.core.pii import mask_address, mask_text, scrub_text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("我叫李秀英，电话13812345678，路灯坏了", "我叫李**，电话138****5678，路灯坏了"),
        ("联系电话：138 1234 5678", "联系电话：138****5678"),
        ("手机138-1234-5678，谢谢", "手机138****5678，谢谢"),
        ("手机１３８１２３４５６７８", "手机138****5678"),
        ("手机１３８　１２３４　５６７８", "手机138****5678"),
        ("打+86 139 0000 1111找我", "打+86139****1111找我"),
        ("固话0575-87654321", "固话057*****4321"),
        ("座机（0575）87654321", "座机（057*****4321"),
        ("家里电话87654321", "家里电话****4321"),
        ("身份证号330681199001011234。", "身份证号3306**********1234。"),
        ("身份证33068119900101123X", "身份证3306**********123X"),
        ("身份证３３０６８１１９９００１０１１２３ｘ", "身份证3306**********123X"),
        ("工资卡6222021234567890123没收到钱", "工资卡6222***********0123没收到钱"),
        ("联系人：陈建国 13900001111", "联系人：陈** 139****1111"),
        ("我是张三的妈妈", "我是张*的妈妈"),
        ("姓名：欧阳修文", "姓名：欧***"),
        ("隔壁王大明先生家漏水", "隔壁王**先生家漏水"),
    ],
)
def test_phone_id_card_numbers_and_introduced_names_are_masked_for_staff(typed, shown):
    assert mask_text(typed) == shown


@pytest.mark.parametrize(
    "typed",
    [
        "2026年12月3号交了3000元押金",
        "从20261204起停水",
        "2026-12-04 下午停电",
        "工单261204000123还没人管",
        "欠薪12500元，共3个月",
        "我是本村村民",
        "我是王村村民",
        "我是党员，反映一个问题",
        "张先生说路灯不亮",
        "李阿姨家门口积水",
        "坐10号线到站",
        "房价每平方米15000元",
        "编号ABC13812345678X型号",
    ],
)
def test_dates_amounts_case_numbers_and_plain_words_are_left_alone(typed):
    assert mask_text(typed) == typed


def test_the_residents_own_name_is_masked_wherever_it_appears():
    typed = "李秀英反映：秀英家的水管破了"
    assert mask_text(typed, names=["李秀英"]) == "李**反映：秀*家的水管破了"


def test_an_address_hides_its_house_number_from_staff_lists():
    assert mask_address("新街村3栋2单元501室") == "新街村**"
    assert mask_address("天竺路12号") == "天竺路**"
    assert mask_address("村口石桥东侧") == "村口石桥东侧"


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("我叫李秀英，电话13812345678，路灯坏了", "我叫**，电话**，路灯坏了"),
        ("住3栋2单元501室，楼道灯不亮", "住**，楼道灯不亮"),
        ("我家在五号楼三单元", "我家在**"),
        ("新街12号门口积水", "新街**门口积水"),
        ("张先生说路灯不亮", "**先生说路灯不亮"),
        ("身份证330681199001011234办不了低保", "身份证**办不了低保"),
        ("12月3号停水一天", "12月3号停水一天"),
        ("交了3000元", "交了3000元"),
    ],
)
def test_the_public_form_removes_numbers_names_and_house_numbers(typed, published):
    assert scrub_text(typed) == published


def test_the_public_form_removes_the_residents_given_name_too():
    assert scrub_text("秀英家的水管破了", names=["李秀英"]) == "**家的水管破了"


def test_empty_text_stays_empty():
    assert (mask_text(""), mask_address(""), scrub_text("")) == ("", "", "")
