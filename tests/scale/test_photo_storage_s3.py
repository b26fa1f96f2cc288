"""Photos in an S3-compatible bucket: stored there, served only through the case's check.

The store is a real S3 server (moto's server mode, a subprocess on a free port) reached
through django-storages and boto3, as Aliyun OSS or MinIO would be.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from jiceng.cases.models import CaseEvent, EventKind
from jiceng.cases.services import case_attach_photo

from factories import dispatched, photo

pytestmark = pytest.mark.django_db
PNG = photo("PNG")
BUCKET = "jiceng-photos"
KEYS = {"access_key": "test-key-id", "secret_key": "test-secret", "region_name": "cn-north-1"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_server() -> Iterator[str]:
    server = Path(sys.executable).with_name("moto_server")
    if not server.exists() and not shutil.which("moto_server"):
        pytest.skip("moto_server is not installed (pip install 'moto[server]')")
    port = _free_port()
    process = subprocess.Popen(
        [str(server if server.exists() else "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        _wait_for(port)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("moto_server did not start")


@pytest.fixture
def bucket(s3_server, settings, tmp_path):
    """Photos go to a fresh bucket; the local media folder must stay empty."""
    import boto3

    client = boto3.client("s3", endpoint_url=s3_server, **_boto(KEYS))
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": KEYS["region_name"]}
    )
    settings.MEDIA_ROOT = tmp_path / "media"
    options = {"bucket_name": BUCKET, "endpoint_url": s3_server, **KEYS, "location": "site"}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    yield client
    for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=stored["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _boto(keys: dict[str, str]) -> dict[str, str]:
    return {
        "aws_access_key_id": keys["access_key"],
        "aws_secret_access_key": keys["secret_key"],
        "region_name": keys["region_name"],
    }


@pytest.fixture
def photo_case(users, monday, bucket):
    case = dispatched(users)
    attachment = case_attach_photo(case=case, file=ContentFile(PNG, name="road.png"))
    return case, attachment


def _photo(client, user, case, attachment):
    client.force_login(user)
    return client.get(f"/workbench/cases/{case.number}/photos/{attachment.pk}/")


def test_a_photo_is_kept_in_the_bucket_and_not_on_the_local_disk(photo_case, bucket, settings):
    _case, attachment = photo_case
    key = f"site/{attachment.file.name}"
    kept = bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    event = CaseEvent.objects.get(case=attachment.case, kind=EventKind.ATTACH)
    assert hashlib.sha256(kept).hexdigest() == event.data["sha256"]
    assert attachment.file.name.startswith("cases/") and len(kept) == attachment.size
    assert not (settings.MEDIA_ROOT).exists()


@pytest.mark.parametrize("who", ["cadre", "township", "dispatcher", "leader"])
def test_staff_of_the_cases_area_get_the_photo_from_the_bucket_privately(
    client, users, photo_case, bucket, who
):
    case, attachment = photo_case
    response = _photo(client, users[who], case, attachment)
    kept = bucket.get_object(Bucket=BUCKET, Key=f"site/{attachment.file.name}")["Body"].read()
    assert response.status_code == 200 and b"".join(response.streaming_content) == kept
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"].startswith("private")


@pytest.mark.parametrize("who", ["outsider", "outsider_cadre", "neighbour_cadre", "water"])
def test_outsiders_cannot_fetch_a_photo_kept_in_the_bucket(client, users, photo_case, who):
    case, attachment = photo_case
    response = _photo(client, users[who], case, attachment)
    assert response.status_code in (403, 404)
    assert PNG[:8] not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_case_page_links_to_the_app_never_to_the_bucket(client, users, photo_case, s3_server):
    case, attachment = photo_case
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/").content.decode()
    assert f"/workbench/cases/{case.number}/photos/{attachment.pk}/" in page
    assert s3_server not in page and "X-Amz-Signature" not in page


def test_a_photo_gone_from_the_bucket_is_a_404(client, users, photo_case, bucket):
    case, attachment = photo_case
    bucket.delete_object(Bucket=BUCKET, Key=f"site/{attachment.file.name}")
    response = _photo(client, users["cadre"], case, attachment)
    assert response.status_code == 404 and PNG[:8] not in response.content
