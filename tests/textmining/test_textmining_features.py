from jiceng.textmining.features import NgramTfidf, decode_key, folded_text, ngram_keys, prepare


def _grams(text: str, ngram_range: tuple[int, int], max_chars: int | None = None) -> list[str]:
    keys, _ = ngram_keys([text], ngram_range, max_chars)
    return [decode_key(int(k)) for k in keys]


def test_ngrams_of_raw_and_segmented_text_are_identical():
    raw = prepare("A3区 大道，西行便道。")
    segmented = prepare("A3 区 大道 西行 便道")
    assert _grams(raw, (1, 3)) == _grams(segmented, (1, 3))


def test_ngrams_fold_width_and_case_and_drop_punctuation():
    assert _grams("ＡＢ-3区", (1, 2)) == ["a", "b", "3", "区", "ab", "b3", "3区"]


def test_ngrams_never_span_two_texts():
    keys, docs = ngram_keys(["甲乙", "丙丁"], (2, 2))
    assert [decode_key(int(k)) for k in keys] == ["甲乙", "丙丁"]
    assert docs.tolist() == [0, 1]


def test_max_chars_limits_ngrams_to_the_opening():
    assert _grams("路灯坏了很久", (2, 2), max_chars=3) == ["路灯", "灯坏"]


def test_tfidf_rows_are_unit_length_and_unknown_ngrams_ignored():
    vectorizer = NgramTfidf((1, 2), min_df=1).fit(["路灯坏了", "路灯不亮", "停水"])
    matrix = vectorizer.transform(["路灯坏", "全新词汇"])
    assert abs((matrix[0].multiply(matrix[0])).sum() - 1.0) < 1e-5
    assert matrix[1].nnz == 0


def test_folded_text_is_what_ngrams_are_taken_from():
    assert folded_text("<b>路燈</b> 壞了！ＯＫ") == "路灯坏了ok"
