"""``jiceng textmining retrain``: the category model learns the categories dispatchers confirmed."""

from __future__ import annotations

import json

import pytest

from jiceng import cli
from jiceng.cases import intake
from jiceng.cases.models import CaseEvent, Category, EventKind
from jiceng.cases.services import case_dispatch_classified
from jiceng.cases.training import TrainingError, confirmed_samples, retrain
from jiceng.textmining import Model

from factories import submit
from intake_support import MODEL_CATEGORIES, demo_training_set


@pytest.fixture
def model_file(tmp_path, settings):
    settings.JICENG_CATEGORY_MODEL = str(tmp_path / "model.npz")
    return tmp_path / "model.npz"


def confirm_cases(users, per_category: int = 6, *, filed_as: str | None = None) -> None:
    """Requests taken through intake, each dispatched with its category confirmed."""
    samples, labels = demo_training_set(per_category=per_category)
    for text, code in zip(samples, labels, strict=True):
        case = submit(users, category=filed_as or code, description=text, title="")
        case_dispatch_classified(
            case=case, by=users["dispatcher"], category=Category.objects.get(code=code)
        )


def run_cli(capsys, *args: str) -> tuple[int, dict]:
    status = cli.main(["textmining", "retrain", *args])
    lines = capsys.readouterr().out.strip().splitlines()
    return status, json.loads(lines[-1])


def test_retrain_prints_its_summary_as_json_on_the_last_line(users, monday, model_file, capsys):
    confirm_cases(users)
    status, summary = run_cli(capsys)
    assert status == 0
    assert summary["model"] == str(model_file)
    assert summary["samples"] == 6 * len(MODEL_CATEGORIES)
    assert summary["classes"] == {code: 6 for code in sorted(MODEL_CATEGORIES)}
    assert 0.0 <= summary["cv_macro_f1"] <= 1.0
    assert summary["model_bytes"] == model_file.stat().st_size
    assert sorted(Model.load(model_file).labels) == sorted(MODEL_CATEGORIES)


def test_retrain_writes_where_it_is_told(users, monday, model_file, tmp_path, capsys):
    confirm_cases(users)
    status, summary = run_cli(capsys, "--output", str(tmp_path / "elsewhere.npz"), "--no-cv")
    assert status == 0 and summary["cv_macro_f1"] is None
    assert (tmp_path / "elsewhere.npz").is_file() and not model_file.exists()


def test_the_category_a_dispatcher_chose_is_learnt_not_the_one_filed(users, monday, model_file):
    confirm_cases(users, per_category=3, filed_as="other")
    texts, labels = confirmed_samples()
    assert sorted(set(labels)) == sorted(MODEL_CATEGORIES)
    assert "other" not in labels and len(texts) == 12
    data = CaseEvent.objects.filter(kind=EventKind.CLASSIFY).first().data
    assert data["category_confirmed"] is True and data["previous"] == "other"


def test_cases_dispatched_without_a_confirmation_are_not_learnt(users, monday, model_file):
    from jiceng.cases import services

    case = submit(users)
    services.case_dispatch(case=case, by=users["dispatcher"])
    assert confirmed_samples() == ([], [])


def test_without_enough_confirmations_retrain_fails_and_names_the_count(
    users, monday, model_file, capsys
):
    confirm_cases(users, per_category=2)
    with pytest.raises(TrainingError, match="8 confirmed categories"):
        retrain()
    status, summary = run_cli(capsys)
    assert status == 2 and summary["samples"] == 8 and "error" in summary
    assert not model_file.exists()


def test_intake_reloads_the_model_when_retrain_replaces_the_file(users, monday, model_file):
    assert intake.category_model() is None
    confirm_cases(users, per_category=5)
    retrain(cv=False)
    first = intake.category_model()
    assert first is not None and intake.category_model() is first
    confirm_cases(users, per_category=5, filed_as="other")
    retrain(cv=False, min_samples=5)
    assert intake.category_model() is not first
