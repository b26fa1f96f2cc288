"""``GET /source/``: the source of the code this server is running, as a tar.gz.

The AGPL (section 13) asks that everyone who uses a modified version over a network be
offered its source. Packing the running package itself keeps that true for a county's
own changes, which a link to an upstream repository would not. Deployments that publish
their source elsewhere point ``JICENG_SOURCE_URL`` there instead.
"""

from __future__ import annotations

import io
import tarfile
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

# Beside the package in a checkout (not in an installed wheel): the licence and the build.
PROJECT_FILES = (
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
    "pyproject.toml",
    "Makefile",
    "manage.py",
    "requirements",
    "deploy",
    "docs",
)


def _skipped(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
    name = Path(info.name).name
    return None if name == "__pycache__" or name.endswith((".pyc", ".pyo")) else info


@cache
def source_archive() -> bytes:
    """The running code packed once per process: it cannot change while the process lives."""
    package = Path(settings.BASE_DIR)
    project = package.parent
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.add(package, arcname="jiceng-source/jiceng", filter=_skipped)
        if (project / "pyproject.toml").is_file():
            for name in PROJECT_FILES:
                if (project / name).exists():
                    archive.add(project / name, arcname=f"jiceng-source/{name}", filter=_skipped)
    return buffer.getvalue()


@require_GET
def source(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(source_archive(), content_type="application/gzip")
    response["Content-Disposition"] = 'attachment; filename="jiceng-source.tar.gz"'
    return response
