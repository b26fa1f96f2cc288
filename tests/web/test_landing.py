"""Where each role lands after logging in, and the header that names the user's unit."""

import pytest

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.mark.parametrize(
    ("who", "landing"),
    [
        ("leader", "/dashboard/"),
        ("admin", "/dashboard/"),
        ("dispatcher", "/workbench/"),
        ("cadre", "/workbench/"),
        ("township", "/workbench/"),
        ("water", "/workbench/"),
        ("resident", "/"),
    ],
)
def test_each_role_lands_on_its_own_page(client, users, who, landing):
    username = users[who].username
    response = client.post("/login/", {"username": username, "password": "pw"}, **EN)
    assert response.status_code == 302 and response["Location"] == landing


def test_a_next_page_still_wins(client, users):
    post = {"username": "leader", "password": "pw", "next": "/workbench/"}
    assert client.post("/login/", post)["Location"] == "/workbench/"


def test_the_resident_is_told_the_portal_needs_no_login(client, users):
    response = client.post("/login/", {"username": "resident", "password": "pw"}, follow=True, **EN)
    page = response.content.decode()
    assert response.status_code == 200 and "Residents do not need to log in" in page
    assert 'href="/submit/"' in page  # the way on: report a problem


def test_the_leaders_header_links_back_to_the_queue(client, users):
    client.force_login(users["leader"])
    page = client.get("/dashboard/", **EN).content.decode()
    nav = page.split('aria-label="Main"')[1].split("</nav>")[0]
    assert 'href="/workbench/"' in nav and 'href="/dashboard/"' in nav


def test_the_cadres_pages_name_their_village(client, users):
    client.force_login(users["cadre"])
    for url in ("/workbench/", "/workbench/field/"):
        page = client.get(url, **EN).content.decode()
        assert '<span class="nav-unit">天竺社区居委会</span>' in page, url


def test_an_anonymous_visitor_sees_no_unit(client, users):
    assert "nav-unit" not in client.get("/", **EN).content.decode()
