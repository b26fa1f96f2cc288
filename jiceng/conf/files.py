"""Where photos are kept: the local disk (the default), or any S3-compatible store.

With ``JICENG_PHOTO_STORAGE=s3`` photos go to a bucket through django-storages (Aliyun
OSS, Tencent COS, Huawei OBS, MinIO, Ceph, AWS): every web node and worker then sees
the same files. Objects are private; nobody is given a link to them. The workbench
reads a photo through the app, after the case's jurisdiction check
(``web.workbench.contact.photo``), so a photo is never more public than its case.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_HOME
from jiceng.core import env

env.section("Photos and files", doc="scale.md")
MEDIA_ROOT = JICENG_HOME / "media"
JICENG_PHOTO_STORAGE = env.choice(
    "JICENG_PHOTO_STORAGE",
    "local",
    ("local", "s3"),
    help="local: under $JICENG_HOME/media (back it up with jiceng backup); s3: a bucket of an "
    "S3-compatible store, set by the JICENG_S3_* variables below",
)
_S3 = {
    "bucket_name": env.raw("JICENG_S3_BUCKET", help="the bucket photos are kept in"),
    "endpoint_url": env.raw(
        "JICENG_S3_ENDPOINT_URL",
        help="the store's address, e.g. https://oss-cn-hangzhou.aliyuncs.com or "
        "http://minio:9000; unset: AWS",
    ),
    "region_name": env.raw("JICENG_S3_REGION", help="the bucket's region, e.g. cn-hangzhou"),
    "access_key": env.raw("JICENG_S3_ACCESS_KEY_ID", help="the access key's id"),
    "secret_key": env.raw("JICENG_S3_SECRET_ACCESS_KEY", help="the access key's secret"),
    "location": env.string(
        "JICENG_S3_PREFIX", "", help="a folder inside the bucket for this site's photos"
    ),
    "addressing_style": env.choice(
        "JICENG_S3_ADDRESSING_STYLE",
        "path",
        ("path", "virtual"),
        help="path: https://host/bucket/key (MinIO, Ceph); virtual: https://bucket.host/key "
        "(Aliyun OSS, Tencent COS)",
    ),
}


def _s3_options() -> dict[str, object]:
    if not _S3["bucket_name"]:
        raise ImproperlyConfigured("JICENG_PHOTO_STORAGE=s3 needs JICENG_S3_BUCKET")
    return {
        **{name: value for name, value in _S3.items() if value},
        "default_acl": None,  # the bucket's default: private
        "querystring_auth": True,  # were a URL ever made, it would be signed ...
        "querystring_expire": 60,  # ... and short-lived
        "file_overwrite": False,
        "signature_version": "s3v4",
    }


_PHOTOS: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if JICENG_PHOTO_STORAGE == "s3":
    _PHOTOS = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options()}
STORAGES = {
    "default": _PHOTOS,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
