"""``/source/``: anyone can download the source of the code the server is running (AGPL §13)."""

import io
import tarfile

import pytest

pytestmark = pytest.mark.django_db


def test_anyone_downloads_the_running_source_with_its_licence(client):
    response = client.get("/source/")
    assert response["Content-Type"] == "application/gzip"
    assert "jiceng-source.tar.gz" in response["Content-Disposition"]
    with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
        names = set(archive.getnames())
        settings_py = archive.extractfile("jiceng-source/jiceng/conf/deployment.py")
        assert settings_py is not None and b"JICENG_SOURCE_URL" in settings_py.read()
        licence = archive.extractfile("jiceng-source/LICENSE")
        assert licence is not None and b"GNU AFFERO GENERAL PUBLIC LICENSE" in licence.read()
    assert "jiceng-source/jiceng/web/source.py" in names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_the_source_is_only_read(client):
    assert client.post("/source/").status_code == 405
