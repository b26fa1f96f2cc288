import io
import json
from pathlib import Path

import pytest
from textmining_data import read_rows, spread_slice

from jiceng.textmining.cli import main


def _last_json(capsys: pytest.CaptureFixture[str]):
    out = capsys.readouterr().out.strip().splitlines()
    return json.loads(out[-1])


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def trained(teddy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = spread_slice(read_rows(teddy / "train_segmented.csv"), 600)
    folder = tmp_path_factory.mktemp("cli")
    data = _write_csv(
        folder / "train.csv", ["text", "label"], [[r["text"], r["label"]] for r in rows]
    )
    model = folder / "model.npz"
    code = main(
        [
            "train",
            "--input",
            str(data),
            "--text-columns",
            "text",
            "--label-column",
            "label",
            "--output",
            str(model),
        ]
    )
    assert code == 0
    return model


def test_train_prints_a_summary_and_writes_the_model(trained: Path):
    assert trained.stat().st_size > 0


def test_evaluate_on_raw_messages_prints_the_metrics_contract(
    trained: Path, teddy: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(
        [
            "evaluate",
            "--model",
            str(trained),
            "--input",
            str(teddy / "sample_raw_labeled.csv"),
            "--text-columns",
            "留言主题,留言详情",
            "--label-column",
            "一级分类",
        ]
    )
    assert code == 0
    result = _last_json(capsys)
    assert {"macro_f1", "accuracy", "per_class", "messages_per_second"} <= set(result)
    assert 0.5 < result["macro_f1"] <= 1.0
    for scores in result["per_class"].values():
        assert set(scores) == {"precision", "recall", "f1", "support"}
    assert sum(s["support"] for s in result["per_class"].values()) == 452


def test_classify_reads_stdin_and_prints_label_top_and_words(
    trained: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("sys.stdin", io.StringIO("单位拖欠工资，社保也没有交"))
    assert main(["classify", "--model", str(trained)]) == 0
    result = _last_json(capsys)
    assert result["label"] == "劳动和社会保障"
    assert result["top"][0]["label"] == result["label"]
    assert len(result["top"]) == 3
    assert all(0 <= t["probability"] <= 1 for t in result["top"])
    assert result["words"] and all(isinstance(w, str) for w in result["words"])


def test_classify_gives_traditional_input_the_same_label(
    trained: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    labels = []
    for text in ["單位拖欠工資，社保也沒有交", "单位拖欠工资，社保也没有交"]:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        main(["classify", "--model", str(trained)])
        labels.append(_last_json(capsys)["label"])
    assert labels[0] == labels[1]


def test_missing_column_exits_2_naming_the_column(
    teddy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code = main(
        [
            "train",
            "--input",
            str(teddy / "train_segmented.csv"),
            "--text-columns",
            "text",
            "--label-column",
            "category",
            "--output",
            str(tmp_path / "m"),
        ]
    )
    assert code == 2
    assert "'category'" in capsys.readouterr().err


def test_empty_file_exits_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    code = main(
        [
            "train",
            "--input",
            str(empty),
            "--text-columns",
            "text",
            "--label-column",
            "label",
            "--output",
            str(tmp_path / "m"),
        ]
    )
    assert code == 2
    assert "empty.csv" in capsys.readouterr().err


def test_header_only_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = _write_csv(tmp_path / "header.csv", ["text", "label"], [])
    code = main(
        [
            "train",
            "--input",
            str(data),
            "--text-columns",
            "text",
            "--label-column",
            "label",
            "--output",
            str(tmp_path / "m"),
        ]
    )
    assert code == 2
    assert "no data rows" in capsys.readouterr().err


def test_missing_model_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["classify", "--model", str(tmp_path / "none.npz")]) == 2
    assert "none.npz" in capsys.readouterr().err


def test_usage_errors_exit_2():
    assert main(["train"]) == 2
    assert main([]) == 2


def test_hot_issues_prints_an_array_of_issues(teddy: Path, tmp_path: Path, capsys):
    rows = read_rows(teddy / "hot_issues_附件3.csv")
    picked = [r for r in rows if "伊景园" in r["留言主题"]][:12] + rows[:300]
    header = list(rows[0].keys())
    data = _write_csv(tmp_path / "slice.csv", header, [[r[h] for h in header] for r in picked])
    code = main(
        [
            "hot-issues",
            "--input",
            str(data),
            "--id-column",
            "留言编号",
            "--text-columns",
            "留言主题,留言详情",
            "--time-column",
            "留言时间",
            "--likes-column",
            "点赞数",
            "--top",
            "5",
            "--format",
            "json",
        ]
    )
    assert code == 0
    issues = _last_json(capsys)
    assert len(issues) == 5
    assert [i["rank"] for i in issues] == [1, 2, 3, 4, 5]
    for issue in issues:
        assert {
            "rank",
            "label",
            "heat",
            "size",
            "members",
            "first_seen",
            "last_seen",
            "keywords",
        } <= set(issue)
        assert issue["size"] == len(issue["members"])
    assert issues[0]["heat"] >= issues[-1]["heat"]
    biggest = max(issues, key=lambda i: i["size"])
    assert "伊景园" in biggest["label"]


def test_check_spam_prints_a_verdict(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("代开发票，微信：fp88888，价格优惠，欢迎来电"))
    assert main(["check-spam"]) == 0
    verdict = _last_json(capsys)
    assert verdict["spam"] is True
    assert verdict["score"] >= 1.0
    assert verdict["reasons"]


def test_check_spam_with_empty_stdin_exits_2(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert main(["check-spam"]) == 2
    assert "standard input" in capsys.readouterr().err


def test_similar_returns_past_cases_with_replies(teddy: Path, tmp_path: Path, capsys):
    rows = read_rows(teddy / "replies_附件4.csv", 400)
    header = list(rows[0].keys())
    data = _write_csv(tmp_path / "replies.csv", header, [[r[h] for h in header] for r in rows])
    query = rows[10]["留言主题"]
    code = main(
        [
            "similar",
            "--input",
            str(data),
            "--id-column",
            "留言编号",
            "--text-columns",
            "留言主题,留言详情",
            "--reply-column",
            "答复意见",
            "--query",
            query,
            "--k",
            "3",
            "--format",
            "json",
        ]
    )
    assert code == 0
    hits = _last_json(capsys)
    assert len(hits) == 3
    assert hits[0]["id"] == rows[10]["留言编号"]
    assert all(h["reply"] for h in hits)


def test_train_learns_from_a_category_system_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    rows = [["路灯坏了", "城乡建设"], ["路灯不亮", "城乡建设"], ["学校收费", "教育文体"]] * 3
    data = _write_csv(tmp_path / "train.csv", ["text", "label"], rows)
    system = _write_csv(
        tmp_path / "system.csv",
        ["一级分类", "二级分类", "三级分类"],
        [
            ["城乡建设", "市政管理", "井盖"],
            ["城乡建设", "市政设施", "井盖路面"],
            ["教育文体", "教育", "教材"],
            ["政法", "治安", "井盖被盗"],
        ],
    )
    model = tmp_path / "model.npz"
    args = ["--input", str(data), "--text-columns", "text", "--label-column", "label"]
    code = main(["train", *args, "--output", str(model), "--descriptions", str(system)])
    assert code == 0
    assert _last_json(capsys)["labels"] == ["城乡建设", "教育文体"]
    # "井盖" is in no message: only the category system says where it belongs.
    monkeypatch.setattr("sys.stdin", io.StringIO("井盖丢了"))
    assert main(["classify", "--model", str(model)]) == 0
    assert _last_json(capsys)["label"] == "城乡建设"
