import pytest
from django.core.exceptions import ImproperlyConfigured

from jiceng.core import env


def test_boolean_accepts_the_usual_spellings():
    assert env.boolean("X", False, environ={"X": "Yes"}) is True
    assert env.boolean("X", True, environ={"X": "off"}) is False


def test_boolean_names_the_variable_when_the_value_is_nonsense():
    with pytest.raises(ImproperlyConfigured, match="JICENG_DEBUG"):
        env.boolean("JICENG_DEBUG", False, environ={"JICENG_DEBUG": "maybe"})


def test_integer_rejects_text_and_values_below_the_minimum():
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env.integer("N", 1, environ={"N": "ten"})
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.integer("N", 1, minimum=1, environ={"N": "0"})


def test_time_zone_must_be_a_real_zone():
    assert env.time_zone("TZ", "Asia/Shanghai", environ={}) == "Asia/Shanghai"
    with pytest.raises(ImproperlyConfigured, match="IANA"):
        env.time_zone("TZ", "Asia/Shanghai", environ={"TZ": "Beijing Time"})


def test_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    assert (
        env.string("JICENG_SECRET_KEY", environ={"JICENG_SECRET_KEY_FILE": str(secret)}) == "s3cret"
    )


def test_missing_required_value_is_named():
    with pytest.raises(ImproperlyConfigured, match="JICENG_SECRET_KEY is required"):
        env.string("JICENG_SECRET_KEY", environ={})


def test_choice_lists_the_allowed_values():
    with pytest.raises(ImproperlyConfigured, match="zh-hans, en"):
        env.choice(
            "JICENG_LANGUAGE", "zh-hans", ("zh-hans", "en"), environ={"JICENG_LANGUAGE": "fr"}
        )


def test_directory_must_be_absolute_and_not_a_file(tmp_path):
    default = tmp_path / "anchors"
    assert env.directory("D", default, environ={}) == default
    assert env.directory("D", default, environ={"D": str(tmp_path / "x")}) == tmp_path / "x"
    with pytest.raises(ImproperlyConfigured, match="D must be an absolute directory path"):
        env.directory("D", default, environ={"D": "anchors"})
    (tmp_path / "file").write_text("")
    with pytest.raises(ImproperlyConfigured, match="D must be a directory"):
        env.directory("D", default, environ={"D": str(tmp_path / "file")})


def test_redis_url_accepts_redis_tls_and_unix_socket_urls():
    for url in (
        "redis://127.0.0.1:6379/7",
        "rediss://:pw@cache.example.org:6380",
        "unix:///r.sock",
    ):
        assert env.redis_url("JICENG_REDIS_URL", environ={"JICENG_REDIS_URL": url}) == url
    assert env.redis_url("JICENG_REDIS_URL", environ={}) is None


def test_redis_url_names_the_variable_and_hides_the_password():
    for url in ("http://cache:6379", "redis://:pw@cache:6379/zero", "redis://cache:99999", "cache"):
        with pytest.raises(ImproperlyConfigured, match="JICENG_REDIS_URL must look like") as e:
            env.redis_url("JICENG_REDIS_URL", environ={"JICENG_REDIS_URL": url})
        assert "pw" not in str(e.value)


def test_redis_url_can_come_from_a_file(tmp_path):
    secret = tmp_path / "redis"
    secret.write_text("redis://:s3cret@10.0.0.5:6379/1\n")
    environ = {"JICENG_REDIS_URL_FILE": str(secret)}
    assert env.redis_url("JICENG_REDIS_URL", environ=environ) == "redis://:s3cret@10.0.0.5:6379/1"


def test_networks_are_written_canonically_and_nonsense_is_named():
    value = {"P": " 10.0.0.5 , 10.1.0.0/16,::1"}
    assert env.networks("P", "", environ=value) == ["10.0.0.5/32", "10.1.0.0/16", "::1/128"]
    assert env.networks("P", "", environ={}) == []
    for bad in ("10.0.0.300", "nginx", "10.1.0.1/16"):
        with pytest.raises(ImproperlyConfigured, match="JICENG_TRUSTED_PROXIES"):
            env.networks("JICENG_TRUSTED_PROXIES", "", environ={"JICENG_TRUSTED_PROXIES": bad})


def test_origin_keeps_scheme_and_host_and_refuses_a_path():
    site = {"U": "https://12345.Example.cn/"}
    assert env.origin("U", environ=site) == "https://12345.example.cn"
    assert env.origin("U", environ={}) == ""
    for bad in ("12345.example.cn", "ftp://example.cn", "https://example.cn/portal"):
        with pytest.raises(ImproperlyConfigured, match="JICENG_PUBLIC_URL"):
            env.origin("JICENG_PUBLIC_URL", environ={"JICENG_PUBLIC_URL": bad})


def test_a_data_key_that_is_not_a_fernet_key_is_named():
    env.fernet_key("JICENG_DATA_KEY", "dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=")
    for bad in ("secret", "dGVzdA==", ""):
        with pytest.raises(ImproperlyConfigured, match="JICENG_DATA_KEY must be a Fernet key"):
            env.fernet_key("JICENG_DATA_KEY", bad)
