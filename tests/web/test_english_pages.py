"""Every page in English: no Chinese left outside what people typed and the places' names.

User data (place and unit names, what residents wrote, staff's notes) stays as it was
entered; everything else on the page must be English: category names, states, the
reasons a policy matched and the notes the system wrote, though the system wrote them
in Chinese (see page_world). The brand 基层 and the 中文 switch are meant.
"""

import pytest
from page_words import chinese_left, raw_states, walk
from page_world import PAGES, build

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", sorted(PAGES))
def test_every_page_is_english_outside_user_data(client, users, org, monday, who):
    problems = walk(client, users, build(users, org), who, "en", chinese_left)
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


def test_the_system_s_chinese_notes_and_reasons_are_shown_in_english(client, users, org, monday):
    ids = build(users, org)
    client.force_login(users["dispatcher"])
    late = client.get(f"/workbench/cases/{ids['late']}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "The resolution deadline passed." in late.content.decode()
    merged = client.get(f"/workbench/cases/{ids['survivor']}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "was merged into this one." in merged.content.decode()
    client.force_login(users["cadre"])
    outreach = client.get("/workbench/field/outreach/", HTTP_ACCEPT_LANGUAGE="en").content
    assert "aged 80 or over; registered in 330681" in outreach.decode()


def test_the_check_finds_chinese_words_and_raw_states():
    assert chinese_left("<p>Case 已派往承办单位</p>", []) == ["已派往承办单位"]
    assert chinese_left('<b lang="zh-Hans">中文</b><p>天竺</p>', ["天竺"]) == []
    assert raw_states('<span class="badge state-submitted">submitted</span>') == ["submitted"]
    assert raw_states('<span class="badge state-submitted">Submitted</span>') == []
