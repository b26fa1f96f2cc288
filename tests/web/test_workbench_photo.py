"""A resident's photo on the case page: staff of the case's area see it, nobody else does."""

import pytest
from django.core.files.base import ContentFile

from jiceng.cases.services import case_attach_photo

from factories import JIANGDONG, dispatched, photo

pytestmark = pytest.mark.django_db
PNG = photo("PNG")


@pytest.fixture
def photo_case(users, monday, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = dispatched(users)
    attachment = case_attach_photo(case=case, file=ContentFile(PNG, name="road.png"))
    return case, attachment


def _photo(client, user, case, attachment):
    client.force_login(user)
    return client.get(f"/workbench/cases/{case.number}/photos/{attachment.pk}/")


def test_case_page_shows_the_photo_as_a_thumbnail_linking_to_it(client, users, photo_case):
    case, attachment = photo_case
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/").content.decode()
    url = f"/workbench/cases/{case.number}/photos/{attachment.pk}/"
    assert f'<img src="{url}"' in page and f'<a href="{url}"' in page
    assert "Photo 1 sent with the request" in page


def test_case_page_without_a_photo_has_no_photo_list(client, users, monday):
    case = dispatched(users)
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/").content.decode()
    assert 'class="photos"' not in page and "/photos/" not in page


@pytest.mark.parametrize("who", ["cadre", "township", "dispatcher", "leader"])
def test_staff_of_the_cases_area_get_the_photo_bytes_privately(client, users, photo_case, who):
    case, attachment = photo_case
    response = _photo(client, users[who], case, attachment)
    stored = attachment.file.open("rb").read()
    assert response.status_code == 200 and b"".join(response.streaming_content) == stored
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")


@pytest.mark.parametrize("who", ["outsider", "outsider_cadre", "neighbour_cadre", "water"])
def test_outsiders_cannot_fetch_the_photo(client, users, photo_case, who):
    case, attachment = photo_case
    response = _photo(client, users[who], case, attachment)
    assert response.status_code in (403, 404)
    assert PNG not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_photo_id_cannot_be_read_through_another_visible_case(client, users, photo_case):
    _, attachment = photo_case
    other = dispatched(users)
    response = _photo(client, users["cadre"], other, attachment)
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_login_for_a_photo(client, photo_case):
    case, attachment = photo_case
    response = client.get(f"/workbench/cases/{case.number}/photos/{attachment.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_an_outsider_cadres_own_case_photo_is_hidden_from_our_cadre(
    client, users, monday, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    theirs = dispatched(users, village=JIANGDONG)
    attachment = case_attach_photo(case=theirs, file=ContentFile(PNG, name="x.png"))
    assert _photo(client, users["outsider_cadre"], theirs, attachment).status_code == 200
    assert _photo(client, users["cadre"], theirs, attachment).status_code == 404
