"""JICENG_PHOTO_STORAGE: the local disk by default, an S3 bucket when asked."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps(s.STORAGES['default'], default=str))"
)


def _storage(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_"))}
    clean.update(DJANGO_SETTINGS_MODULE="jiceng.settings", JICENG_HOME=str(tmp_path))
    clean.update(JICENG_ENV="test", **env)
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_photos_are_on_the_local_disk_by_default(tmp_path):
    shown = json.loads(_storage(tmp_path).stdout)
    assert shown == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_s3_store_gets_private_objects_and_short_signed_links(tmp_path):
    (tmp_path / "secret").write_text("s3-secret\n")
    shown = json.loads(
        _storage(
            tmp_path,
            JICENG_PHOTO_STORAGE="s3",
            JICENG_S3_BUCKET="photos",
            JICENG_S3_ENDPOINT_URL="https://oss-cn-hangzhou.aliyuncs.com",
            JICENG_S3_ADDRESSING_STYLE="virtual",
            JICENG_S3_ACCESS_KEY_ID="id",
            JICENG_S3_SECRET_ACCESS_KEY_FILE=str(tmp_path / "secret"),
        ).stdout
    )
    options = shown["OPTIONS"]
    assert shown["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "photos" and options["secret_key"] == "s3-secret"
    assert options["addressing_style"] == "virtual" and "region_name" not in options
    assert options["default_acl"] is None and options["querystring_expire"] == 60
    assert options["file_overwrite"] is False


def test_an_s3_store_without_a_bucket_is_refused_with_the_variables_name(tmp_path):
    done = _storage(tmp_path, JICENG_PHOTO_STORAGE="s3")
    assert done.returncode != 0 and "JICENG_S3_BUCKET" in done.stderr
