from jiceng.textmining.normalize import (
    collapse_whitespace,
    join_cjk,
    normalize,
    to_halfwidth,
    to_simplified,
)


def test_hotline_padding_collapses_to_single_spaces():
    raw = "\n\t\t\t\t\t\n\t\t\t\t\t路灯不亮\xa0\u3000两个月了\n\t\t\t\t\t\n\t\t\t\t"
    assert normalize(raw) == "路灯不亮 两个月了"


def test_zero_width_characters_are_removed():
    assert collapse_whitespace("微\u200b信\ufeff") == "微信"


def test_fullwidth_letters_digits_and_symbols_become_halfwidth():
    assert to_halfwidth("ＡＢＣ１２３＠ｗｅｃｈａｔ．ｃｏｍ") == "ABC123@wechat.com"


def test_chinese_sentence_punctuation_is_kept():
    assert to_halfwidth("请尽快处理，谢谢！好吗？（急）") == "请尽快处理，谢谢！好吗？（急）"


def test_traditional_characters_become_simplified():
    assert to_simplified("諸暨市楓橋鎮陳家村路燈壞了") == "诸暨市枫桥镇陈家村路灯坏了"


def test_simplified_text_is_returned_unchanged():
    text = "诸暨市枫桥镇陈家村路灯坏了"
    assert to_simplified(text) is text


def test_html_tags_and_entities_are_stripped():
    html = '<p>小区&nbsp;停水<br/>三天</p><script>alert("x")</script>&lt;急&gt;'
    assert normalize(html) == "小区 停水 三天 <急>"


def test_spaces_between_chinese_characters_are_joined_but_latin_words_kept():
    assert join_cjk("枫桥镇 陈家村 道路 WeChat Pay") == "枫桥镇陈家村道路 WeChat Pay"


def test_normalize_combines_all_steps():
    assert normalize("<b>楓橋鎮</b>\u3000ＡＢ路\t\t燈") == "枫桥镇 AB路 灯"
