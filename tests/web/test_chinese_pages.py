"""Every page in Chinese, the default: no English words left outside user data.

Latin letters that are meant stay: names (Jiceng, Open311, Excel), file formats, units,
commands in <code>, and the English switch. Stored texts pass as they were typed.
"""

import pytest
from page_words import english_left, walk
from page_world import PAGES, build

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", sorted(PAGES))
def test_every_page_is_chinese_outside_user_data(client, users, org, monday, who):
    problems = walk(client, users, build(users, org), who, "zh-hans", english_left)
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


def test_the_check_finds_english_words_but_not_meant_ones():
    page = '<p>状态 submitted</p><code>jiceng textmining retrain</code><b lang="en">English</b>'
    assert english_left(page, []) == ["submitted"]
    assert english_left("<p>导出 Excel · 源代码（AGPL-3.0）</p>", []) == []
    assert english_left("<p>王 Amy 的诉求</p>", ["王 Amy"]) == []


def test_policy_reasons_read_as_chinese_sentences(client, users, org, monday):
    build(users, org)
    client.force_login(users["cadre"])
    page = client.get("/workbench/field/outreach/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "年满 80 周岁；户籍在 330681" in page.content.decode()
