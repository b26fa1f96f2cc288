"""What every page carries: the favicon, the navigation each role gets, focusable flashes."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from factories import submit

pytestmark = pytest.mark.django_db


def test_pages_link_the_favicon_which_is_a_static_file(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.svg" type="image/svg+xml">' in page
    found = finders.find("web/favicon.svg")
    assert found and "<svg" in Path(found).read_text(encoding="utf-8")


def test_pages_have_no_inline_script(client, users):
    client.force_login(users["dispatcher"])
    for url in ["/", "/submit/", "/workbench/", "/workbench/desk/"]:
        page = client.get(url).content.decode()
        assert "<script>" not in page and "onclick=" not in page, url


def test_dispatchers_get_a_take_a_call_link_to_the_desk(client, users):
    client.force_login(users["dispatcher"])
    page = client.get("/workbench/").content.decode()
    nav = page[page.index('<nav aria-label="Main">') : page.index("</nav>")]
    assert '<a href="/workbench/desk/">Take a call</a>' in nav


@pytest.mark.parametrize("who", ["cadre", "township", "leader"])
def test_other_roles_get_no_desk_link(client, users, who):
    client.force_login(users[who])
    page = client.get("/").content.decode()
    nav = page[page.index('<nav aria-label="Main">') : page.index("</nav>")]
    assert "/workbench/desk/" not in nav and "Take a call" not in nav


def test_the_desk_link_is_chinese_by_default(client, users, chinese):
    client.force_login(users["dispatcher"])
    assert '<a href="/workbench/desk/">接听来电</a>' in client.get("/").content.decode()


def test_flash_messages_after_a_full_reload_are_marked_for_focus(client, users, monday):
    case = submit(users)
    client.force_login(users["dispatcher"])
    response = client.post(f"/workbench/cases/{case.number}/note/", {"note-note": "来电补充"})
    page = client.get(response["Location"]).content.decode()
    assert 'role="status" data-focus>' in page and 'class="flash success"' in page
