"""`jiceng manage check` tells an operator what the notification settings lack."""

from __future__ import annotations

from pytest_django import Settings

from jiceng.notices.checks import notices_check


def test_a_real_gateway_without_the_public_address_is_an_error(settings: Settings) -> None:
    settings.JICENG_SMS_BACKEND, settings.JICENG_PUBLIC_URL = "aliyun", ""
    assert [m.id for m in notices_check()] == ["jiceng.E101"]
    settings.JICENG_PUBLIC_URL = "https://jiceng.example.gov.cn"
    assert notices_check() == []


def test_production_without_sms_is_warned_of(settings: Settings) -> None:
    settings.JICENG_ENV, settings.JICENG_SMS_BACKEND = "production", "off"
    (warning,) = notices_check()
    assert warning.id == "jiceng.W102" and "residents get no SMS" in warning.msg


def test_the_demo_and_tests_are_quiet(settings: Settings) -> None:
    assert notices_check() == []


def test_a_gateway_missing_its_keys_is_named_by_the_check_not_first_by_the_drain(
    settings: Settings,
) -> None:

    settings.JICENG_PUBLIC_URL = "https://jiceng.example.gov.cn"
    settings.JICENG_SMS_BACKEND = "aliyun"
    settings.JICENG_NOTICE_BACKENDS = {
        "sms": "jiceng.notices.channels.aliyun.AliyunSmsBackend",
        "email": "jiceng.notices.channels.files.EmailFileBackend",
    }
    settings.JICENG_SMS_ACCESS_KEY_ID = settings.JICENG_SMS_ACCESS_KEY_SECRET = ""
    (error,) = notices_check()
    assert error.id == "jiceng.E103" and "JICENG_SMS_ACCESS_KEY" in error.msg
