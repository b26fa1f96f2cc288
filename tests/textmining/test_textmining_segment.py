from jiceng.textmining.segment import Segmenter, place_words, search_tokens


def test_user_place_names_are_not_cut():
    segmenter = Segmenter(["赵家镇", "上京村", "枫桥镇", "陈家村"])
    assert segmenter.cut("赵家镇上京村路灯不亮")[:2] == ["赵家镇", "上京村"]
    assert segmenter.cut("枫桥镇陈家村道路坑洼")[:2] == ["枫桥镇", "陈家村"]


def test_without_user_words_jieba_cuts_the_village_apart():
    assert "上京村" not in Segmenter().cut("赵家镇上京村路灯不亮")


def test_words_added_later_are_used():
    segmenter = Segmenter()
    segmenter.add_words(["上京村"])
    assert "上京村" in segmenter.cut("赵家镇上京村路灯不亮")


def test_segmenters_do_not_share_words():
    Segmenter(["京村路灯"]).cut("上京村路灯")
    assert "京村路灯" not in Segmenter().cut("上京村路灯")


def test_cut_drops_spaces_and_punctuation():
    assert Segmenter().cut("路灯，　坏了！") == ["路灯", "坏", "了"]


def test_search_tokens_hold_words_and_overlapping_bigrams():
    tokens = Segmenter(["陈家村"]).search_tokens("陈家村路灯坏了").split()
    assert {"陈家村", "路灯"} <= set(tokens)
    assert {"陈家", "家村", "村路", "路灯", "灯坏", "坏了"} <= set(tokens)


def test_search_tokens_lowercase_latin_and_normalise_input():
    assert "wechat" in search_tokens("ＷｅＣｈａｔ支付").split()


def test_official_committee_names_yield_the_names_residents_write():
    assert place_words("天竺社区居委会") == ["天竺社区居委会", "天竺社区"]
    assert place_words("陈家村村民委员会") == ["陈家村村民委员会", "陈家村"]
    assert place_words("陈家社区") == ["陈家社区"]
