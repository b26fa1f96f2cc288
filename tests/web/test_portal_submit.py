"""The resident portal's home and request form: submit, errors, villages, photo, throttling."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from jiceng.cases.models import Case, CaseAttachment, Channel, State
from jiceng.core.models import Throttle
from jiceng.people.models import Resident
from jiceng.places.models import Division, Level

from factories import BAISHU, FENGQIAO, JIYANG, TIANZHU, photo

pytestmark = pytest.mark.django_db

PNG, JPEG, WEBP = photo("PNG"), photo("JPEG"), photo("WEBP")


@pytest.fixture(autouse=True)
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "category": "transport",
        "description": "村口的路灯坏了三个星期，晚上很黑。",
        "township": FENGQIAO,
        "village": TIANZHU,
        "address": "村口石桥东侧",
        "phone": "138 1234 5678",
        "name": "王小明",
    }
    data.update(overrides)
    return data


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_home_offers_a_big_report_button_follow_form_and_board(client, org):
    page = client.get("/").content.decode()
    assert 'class="button primary report" href="/submit/"' in page
    assert 'action="/follow/"' in page and 'href="/board/"' in page


def test_a_resident_submits_a_request_and_gets_its_number(client, org, monday):
    response = client.post("/submit/", form())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/submit/done/{case.number}/"
    assert (case.category_id, case.division_id, case.channel) == ("transport", TIANZHU, Channel.WEB)
    assert (case.state, case.address) == (State.SUBMITTED, "村口石桥东侧")
    assert case.resident.phone == "13812345678" and case.resident.name == "王小明"
    assert case.events.get().actor is None
    page = client.get(response["Location"]).content.decode()
    assert case.number in page and f"/follow/?number={case.number}" in page
    assert (
        "7 working days"
        in client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


def test_the_confirmation_page_is_only_for_the_browser_that_submitted(client, org):
    client.post("/submit/", form())
    number = Case.objects.get().number
    stranger = Client()
    response = stranger.get(f"/submit/done/{number}/")
    assert response.status_code == 302 and response["Location"] == f"/follow/?number={number}"


def test_a_bad_phone_is_explained_beside_the_field_and_all_input_is_kept(client, org):
    response = client.post("/submit/", form(phone="12345", description="水管<b>漏</b>了"))
    page = response.content.decode()
    assert response.status_code == 200 and not Case.objects.exists()
    assert 'id="phone-error"' in page and "11-digit mobile number" in page
    assert 'value="12345"' in page and "水管&lt;b&gt;漏&lt;/b&gt;了</textarea>" in page
    assert 'value="transport" checked' in page
    assert f'value="{FENGQIAO}" selected' in page and f'value="{TIANZHU}" selected' in page
    assert 'value="村口石桥东侧"' in page and 'value="王小明"' in page


def test_missing_fields_each_get_a_message(client, org):
    page = client.post("/submit/", {"phone": ""}).content.decode()
    for field in ("category", "description", "township", "phone"):
        assert f'id="{field}-error"' in page
    assert not Case.objects.exists()


def test_without_javascript_a_township_alone_brings_back_its_villages(client, org):
    page = client.post("/submit/", form(village="")).content.decode()
    assert not Case.objects.exists()
    assert f'<option value="{TIANZHU}">' in page and f'<option value="{BAISHU}">' in page
    assert 'id="village-error"' in page and "Choose your village" in page
    assert "村口的路灯坏了三个星期" in page


def test_a_village_of_another_township_is_refused(client, org):
    page = client.post("/submit/", form(township=JIYANG, village=TIANZHU)).content.decode()
    assert 'id="village-error"' in page and not Case.objects.exists()


def test_the_villages_partial_lists_the_options_of_one_township(client, org):
    response = client.get(f"/places/villages/?township={FENGQIAO}")
    options = response.content.decode()
    assert f'<option value="{TIANZHU}">天竺社区居委会</option>' in options
    assert "江东社区" not in options and "<html" not in options


def test_the_villages_partial_ignores_townships_outside_the_deployment(client, org):
    Division.objects.create(code="330682", name="别县", level=Level.COUNTY, parent_id="3306")
    Division.objects.create(code="330682001", name="别镇", level=Level.TOWNSHIP, parent_id="330682")
    Division.objects.create(
        code="330682001001", name="别村", level=Level.VILLAGE, parent_id="330682001"
    )
    options = client.get("/places/villages/?township=330682001").content.decode()
    assert "别村" not in options and "Choose the township first" in options


def test_the_township_select_fetches_villages_with_htmx(client, org):
    page = client.get("/submit/").content.decode()
    assert 'hx-get="/places/villages/"' in page and 'hx-target="#id_village"' in page


def test_the_photo_is_optional(client, org):
    client.post("/submit/", form())
    assert Case.objects.count() == 1 and not CaseAttachment.objects.exists()


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp")],
)
def test_a_photo_is_kept_by_what_it_contains(client, org, media, data, content_type):
    photo = SimpleUploadedFile("anything.txt", data, content_type="text/plain")
    client.post("/submit/", form(photo=photo))
    attachment = CaseAttachment.objects.get()
    assert attachment.case == Case.objects.get() and attachment.content_type == content_type
    assert attachment.file.name.startswith("cases/")
    stored = (media / attachment.file.name).read_bytes()
    assert attachment.size == len(stored)
    assert Image.open(io.BytesIO(stored)).size == Image.open(io.BytesIO(data)).size


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_photo_is_kept_without_its_location_or_camera_and_stands_upright(
    client, org, media, image_format
):
    sent = photo(image_format, width=8, height=6, exif=True)
    assert b"PhoneMaker" in sent
    client.post("/submit/", form(photo=SimpleUploadedFile("p.jpg", sent)))
    stored = (media / CaseAttachment.objects.get().file.name).read_bytes()
    kept = Image.open(io.BytesIO(stored))
    assert dict(kept.getexif()) == {} and "exif" not in kept.info
    assert b"PhoneMaker" not in stored and b"Serial-0042" not in stored
    assert kept.size == (6, 8)  # the sideways photo was turned as its EXIF asked


def test_a_truncated_image_is_refused_and_nothing_is_written(client, org, media):
    broken = SimpleUploadedFile("p.png", PNG[:40], content_type="image/png")
    page = client.post("/submit/", form(photo=broken)).content.decode()
    assert "JPEG, PNG or WebP" in page and not Case.objects.exists()
    assert stored_files(media) == []


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_written(client, org, media):
    fake = SimpleUploadedFile(
        "photo.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"
    )
    page = client.post("/submit/", form(photo=fake)).content.decode()
    assert 'id="photo-error"' in page and "JPEG, PNG or WebP" in page
    assert not Case.objects.exists() and not Resident.objects.exists()
    assert not CaseAttachment.objects.exists() and stored_files(media) == []
    assert not Throttle.objects.exists()


def test_a_photo_over_5_mb_is_refused(client, org, media):
    big = SimpleUploadedFile(
        "big.jpg", JPEG + b"\x00" * (5 * 1024 * 1024), content_type="image/jpeg"
    )
    page = client.post("/submit/", form(photo=big)).content.decode()
    assert "at most 5 MB" in page and not Case.objects.exists() and stored_files(media) == []


def test_submissions_are_limited_per_address(client, org, monday):
    for n in range(10):
        client.post("/submit/", form(phone=f"1391234{n:04d}"))
    page = client.post("/submit/", form(phone="13700000000")).content.decode()
    assert Case.objects.count() == 10 and "wait an hour" in page
    other = Client(REMOTE_ADDR="10.1.1.1")
    assert other.post("/submit/", form(phone="13700000000")).status_code == 302


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(org, monday, settings):
    settings.JICENG_TRUSTED_PROXIES = ("10.0.0.2/32",)
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    for n in range(11):
        first.post("/submit/", form(phone=f"1391234{n:04d}"))
    assert Case.objects.count() == 10
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert second.post("/submit/", form(phone="13700000000")).status_code == 302


def test_submissions_are_limited_per_phone_from_one_address(org, monday):
    sender = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(5):
        sender.post("/submit/", form())
    page = sender.post("/submit/", form()).content.decode()
    assert Case.objects.count() == 5 and "5 requests today" in page
    assert not Throttle.objects.filter(key__contains="13812345678").exists()


def test_someone_flooding_a_residents_phone_does_not_lock_the_resident_out(org, monday):
    for n in range(5):
        Client(REMOTE_ADDR="10.6.6.6").post("/submit/", form(description=f"捣乱{n}号"))
    resident = Client(REMOTE_ADDR="10.0.0.7")
    assert resident.post("/submit/", form()).status_code == 302
    assert Case.objects.count() == 6


def test_a_submission_the_service_refuses_is_not_counted(client, org, media, monday):
    for _ in range(6):
        fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")
        client.post("/submit/", form(photo=fake))
    assert not Case.objects.exists() and not Throttle.objects.exists()
    assert client.post("/submit/", form()).status_code == 302


def test_submitting_requires_the_csrf_token(org):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/submit/", form()).status_code == 403
    assert not Case.objects.exists()


def test_english_pages_show_english_category_names(client, org, chinese):
    page = client.get("/submit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Roads and transport" in page
    assert "Roads and transport" not in client.get("/submit/").content.decode()


def test_staff_of_another_unit_get_no_case_through_the_confirmation_page(client, users):
    client.post("/submit/", form())
    number = Case.objects.get().number
    outsider = Client()
    outsider.force_login(users["outsider"])
    response = outsider.get(f"/submit/done/{number}/")
    assert response.status_code == 302 and "村口的路灯" not in response.content.decode()
