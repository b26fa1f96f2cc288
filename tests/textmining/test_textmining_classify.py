import pickle
from pathlib import Path

import numpy as np
import opencc
import pytest
from textmining_data import read_rows

from jiceng.textmining import Model, ModelError, evaluate, train
from jiceng.textmining.classify import MODEL_VERSION


def _raw(rows: list[dict[str, str]]) -> list[str]:
    return [r["留言主题"] + "\n" + r["留言详情"] for r in rows]


def test_model_predicts_known_categories(small_model: Model):
    predicted = small_model.predict(["学校乱收费，老师课后有偿补课", "公司拖欠农民工工资半年"])
    assert predicted == ["教育文体", "劳动和社会保障"]


def test_top_k_is_sorted_and_probabilities_sum_to_at_most_one(small_model: Model):
    top = small_model.top_k("医院看病收费太贵，医生态度差", 3)
    assert len(top) == 3
    assert top[0][0] == "卫生计生"
    probabilities = [p for _, p in top]
    assert probabilities == sorted(probabilities, reverse=True)
    assert 0 < sum(probabilities) <= 1.0 + 1e-6


def test_explanation_names_phrases_from_the_message(small_model: Model):
    text = "公司拖欠农民工工资半年"
    words = small_model.explain(text)
    assert words
    assert all(w in text for w in words)


def test_traditional_input_gets_the_same_label(small_model: Model, teddy: Path):
    rows = read_rows(teddy / "sample_raw_labeled.csv", 60)
    s2t = opencc.OpenCC("s2t")
    simplified = _raw(rows)
    traditional = [s2t.convert(t) for t in simplified]
    assert traditional != simplified
    assert small_model.predict(traditional) == small_model.predict(simplified)


def test_segmented_and_raw_forms_of_a_message_are_classified_alike(small_model: Model):
    raw = "A市西湖建筑集团占道施工有安全隐患"
    segmented = "A 市 西湖 建筑 集团 占 道 施工 有 安全隐患"
    assert (small_model.decision([raw]) == small_model.decision([segmented])).all()


def test_saved_model_loads_with_identical_predictions(small_model: Model, tmp_path: Path):
    path = tmp_path / "model.npz"
    small_model.save(path)
    loaded = Model.load(path)
    texts = ["路灯坏了", "学校乱收费", "医院收费"]
    assert loaded.predict(texts) == small_model.predict(texts)
    assert loaded.top_k(texts[0]) == small_model.top_k(texts[0])


def test_saved_model_is_an_archive_of_plain_arrays_without_pickles(
    small_model: Model, tmp_path: Path
):
    path = tmp_path / "model.npz"
    small_model.save(path)
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    assert {"labels", "coef", "intercept", "body_vocabulary", "body_idf"} <= set(arrays)
    assert all(a.dtype != object for a in arrays.values())
    assert arrays["labels"].tolist() == small_model.labels


def test_loading_a_file_of_another_version_fails_clearly(tmp_path: Path):
    path = tmp_path / "old.npz"
    np.savez(path, format=np.array("jiceng.textmining.classifier"), version=MODEL_VERSION + 1)
    with pytest.raises(ModelError, match="retrain"):
        Model.load(path)


def test_loading_a_foreign_file_fails_clearly(tmp_path: Path):
    path = tmp_path / "other.npz"
    np.savez(path, numbers=np.array([1, 2, 3]))
    with pytest.raises(ModelError, match="not a jiceng text classifier"):
        Model.load(path)


def test_loading_a_pickle_refuses_it_without_running_it(tmp_path: Path):
    path = tmp_path / "old.joblib"
    marker = tmp_path / "ran"
    # A pickle whose loading would create the marker file.
    path.write_bytes(pickle.dumps(_Trap(str(marker))))
    with pytest.raises(ModelError, match="not a jiceng text classifier"):
        Model.load(path)
    assert not marker.exists()


class _Trap:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_two_label_training_works():
    texts = ["路灯坏了", "路灯不亮", "路灯闪烁", "学校收费", "学校补课", "学校食堂"] * 3
    labels = ["road", "road", "road", "school", "school", "school"] * 3
    model = train(texts, labels)
    assert model.predict(["村口路灯坏了", "学校乱收费"]) == ["road", "school"]
    assert sum(p for _, p in model.top_k("路灯", 2)) == pytest.approx(1.0)


def test_training_needs_two_labels_and_matching_lengths():
    with pytest.raises(ValueError, match="two different labels"):
        train(["a", "b"], ["x", "x"])
    with pytest.raises(ValueError, match="labels"):
        train(["a", "b"], ["x"])


def test_evaluation_reports_per_class_scores(small_model: Model):
    texts = ["公司拖欠工资", "学校乱收费", "医院收费高"]
    result = evaluate(small_model, texts, ["劳动和社会保障", "教育文体", "卫生计生"])
    assert result["messages"] == 3
    assert set(result["per_class"]) >= {"劳动和社会保障", "教育文体", "卫生计生"}
    assert result["messages_per_second"] > 0


def test_stop_characters_the_training_segmenter_removed_do_not_change_the_scores(
    small_model: Model,
):
    # train_segmented.csv lost its stop words; residents' raw messages keep them.
    raw = "我们小区的路灯坏了，但是物业也不管，这是什么情况吗"
    segmented = "小区 路灯 坏 是 物业 不管 这是 情况"
    assert (small_model.decision([raw]) == small_model.decision([segmented])).all()


def test_label_descriptions_teach_words_no_message_has():
    texts = ["路灯坏了", "路灯不亮", "学校收费", "学校补课"] * 3
    labels = ["road", "road", "school", "school"] * 3
    descriptions = [
        ("井盖 路面", "road"),
        ("井盖 窨井", "road"),
        ("教材 课本", "school"),
        ("井盖 医院", "hospital"),  # a label no message carries: ignored
    ]
    plain = train(texts, labels)
    described = train(texts, labels, descriptions=descriptions)
    assert described.labels == ["road", "school"]
    assert "井盖" not in plain.words.vocabulary.tolist()
    assert described.predict(["井盖丢了"]) == ["road"]
