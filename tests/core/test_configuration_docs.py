"""docs/configuration.md is written from what the settings' parsers read, and kept so."""

from __future__ import annotations

import ast

import pytest
from django.core.exceptions import ImproperlyConfigured

from jiceng import cli
from jiceng.core import env
from jiceng.core.env import docs, registry

REGENERATE = "docs/configuration.md is out of date: run `jiceng config docs` (or `make docs`)"


def _names_in_settings_source() -> set[str]:
    """Every variable name the settings' modules pass to a parser, read or not in this run."""
    sources = [docs.SETTINGS, *sorted((docs.SETTINGS.parent / "conf").glob("*.py"))]
    names = set()
    for node in (n for path in sources for n in ast.walk(ast.parse(path.read_text("utf-8")))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        by_env = (
            isinstance(func, ast.Attribute)
            and getattr(func.value, "id", "") == "env"
            and func.attr != "section"
        )
        by_key = isinstance(func, ast.Name) and func.id == "_key"
        first = node.args[0]
        if (by_env or by_key) and isinstance(first, ast.Constant) and isinstance(first.value, str):
            names.add(first.value)
    return names


def test_the_configuration_docs_are_what_the_settings_generate() -> None:
    assert docs.OUTPUT.read_text(encoding="utf-8") == docs.markdown(), REGENERATE


def test_every_variable_the_settings_read_has_a_help_text() -> None:
    for profile in docs.PROFILES:
        variables = docs.read(profile).variables.values()
        assert [v.name for v in variables if not v.help.strip()] == [], profile
    # And in this very process, whose settings were read as the test environment.
    assert [v.name for v in registry.current().variables.values() if not v.help.strip()] == []


def test_every_variable_named_in_the_settings_is_in_the_docs() -> None:
    documented = {name for profile in docs.PROFILES for name in docs.read(profile).variables}
    named = _names_in_settings_source()
    assert "JICENG_SECRET_KEY" in named and "DATABASE_URL" in named
    assert sorted(named - documented) == []
    text = docs.OUTPUT.read_text(encoding="utf-8")
    assert [name for name in sorted(named) if f"| `{name}` |" not in text] == []


def test_defaults_that_differ_in_development_are_shown_beside_production() -> None:
    text = docs.markdown()
    assert "| `JICENG_DEBUG` | true or false | `false` (development: `true`) |" in text
    assert "`sqlite:///$JICENG_HOME/jiceng.sqlite3`" in text
    assert "/$JICENG_HOME" not in text.replace("sqlite:///$JICENG_HOME", "")


def test_production_still_refuses_to_start_without_its_secret_key() -> None:
    environ = {**docs.PROFILES["production"], "JICENG_HOME": "/nonexistent"}
    with (
        registry.reading(environ),
        pytest.raises(ImproperlyConfigured, match="JICENG_SECRET_KEY is required in production"),
    ):
        docs.run_settings()


def test_production_refuses_a_data_key_that_is_not_a_fernet_key() -> None:
    environ = {
        **docs.PROFILES["production"],
        "JICENG_HOME": "/nonexistent",
        "JICENG_SECRET_KEY": "x" * 50,
        "JICENG_DATA_KEY": "not-a-key",
    }
    with (
        registry.reading(environ),
        pytest.raises(ImproperlyConfigured, match="JICENG_DATA_KEY must be a Fernet key"),
    ):
        docs.run_settings()


def test_a_parser_records_name_kind_default_choices_and_help() -> None:
    with registry.reading({"JICENG_LANGUAGE": "en"}) as record:
        env.section("Words", doc="words.md")
        assert env.choice("JICENG_LANGUAGE", "zh-hans", ("zh-hans", "en"), help="language") == "en"
        env.integer("JICENG_N", 3, minimum=1, help="a number")
    language, number = record.variables.values()
    assert (language.kind, language.default, language.choices) == (
        "one of",
        "zh-hans",
        ("zh-hans", "en"),
    )
    assert (language.help, language.section, language.file) == ("language", "Words", True)
    assert (number.kind, number.default) == ("whole number ≥ 1", 3)
    assert record.sections[-1].doc == "words.md"


def test_a_read_of_an_environment_given_by_the_caller_is_not_recorded() -> None:
    with registry.reading({}) as record:
        env.boolean("JICENG_X", False, environ={"JICENG_X": "1"}, help="x")
    assert record.variables == {}


def test_a_value_can_come_from_a_file_in_a_recorded_read(tmp_path) -> None:
    secret = tmp_path / "token"
    secret.write_text("s3cret\n")
    with registry.reading({"JICENG_T_FILE": str(secret)}) as record:
        assert env.raw("JICENG_T", help="a token") == "s3cret"
    assert record.variables["JICENG_T"].file is True


def test_config_docs_check_fails_on_a_stale_file_until_it_is_written(tmp_path, capsys) -> None:
    output = tmp_path / "configuration.md"
    output.write_text("# Configuration\n\nold\n")
    assert cli.main(["config", "docs", "--check", "--output", str(output)]) == 1
    assert "out of date: run `jiceng config docs`" in capsys.readouterr().err
    assert cli.main(["config", "docs", "--output", str(output)]) == 0
    assert cli.main(["config", "docs", "--check", "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == docs.OUTPUT.read_text(encoding="utf-8")
