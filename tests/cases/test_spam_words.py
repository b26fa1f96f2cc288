"""The spam check's reasons, as the quarantine shows them, in the dispatcher's language.

The reasons come from the check itself, so a change to its phrases fails here.
"""

import re

from django.utils import translation

from jiceng.cases.spam_words import spam_reason
from jiceng.textmining.spam import check_spam

from intake_support import SPAM_TEXT

ADVERT = "加微信 abc12345 代办证件，优惠价 200元，联系电话咨询，加微信领取，扫码加群"
REPEATED = "\n".join(["还我血汗钱"] * 8)
LINKS = "看这里 http://a.example.com/x http://b.example.net/y http://c.example.org/z 好东西"


def _reasons() -> list[str]:
    return [
        reason
        for text in (SPAM_TEXT, ADVERT, REPEATED, LINKS)
        for reason in check_spam(text).reasons
    ]


def test_every_reason_the_check_gives_reads_in_chinese_without_english_words():
    reasons = _reasons()
    assert len(reasons) >= 4
    with translation.override("zh-hans"):
        shown = [spam_reason(reason) for reason in reasons]
    words = {w for line in shown for w in re.findall(r"[a-z]{3,}", line)}
    assert words <= set(re.findall(r"[a-z]{3,}", (SPAM_TEXT + ADVERT + LINKS).lower())), shown


def test_reasons_read_in_english_with_their_values():
    shown = [spam_reason(reason) for reason in _reasons()]
    assert any(line.startswith("keyword stuffing: ") for line in shown)
    assert any("probability 0." in line for line in shown)
    assert spam_reason("links: 3 URLs to 3 domains") == "links: 3 addresses on 3 sites"


def test_an_unknown_phrase_is_shown_as_stored():
    with translation.override("zh-hans"):
        assert spam_reason("a phrase from a newer check") == "a phrase from a newer check"
