"""deploy/: the compose file, nginx and systemd examples name only settings that exist and
pass their own tools' checks where those tools are installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS_SOURCE = "".join(
    path.read_text()
    for path in [ROOT / "jiceng" / "settings.py", *(ROOT / "jiceng" / "conf").glob("*.py")]
)


def _read_by_settings(name: str) -> bool:
    """Every parser accepts NAME_FILE for NAME (jiceng.core.env.raw)."""
    return f'"{name.removesuffix("_FILE")}"' in SETTINGS_SOURCE


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_runs_postgresql_redis_web_worker_and_nginx():
    services = _compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "nginx"}
    assert services["web"]["command"][:2] == ["jiceng", "serve"]
    assert services["worker"]["command"] == ["jiceng", "worker"]
    assert services["web"]["build"]["dockerfile"] == "deploy/Dockerfile"


def test_compose_and_the_env_example_name_only_settings_jiceng_reads():
    names = set(_compose()["services"]["web"]["environment"])
    example = (DEPLOY / "jiceng.env.example").read_text().splitlines()
    names |= {line.split("=", 1)[0] for line in example if "=" in line and line[0] != "#"}
    assert "JICENG_TRUSTED_PROXIES" in names and "JICENG_PUBLIC_URL" in names
    assert [name for name in sorted(names) if not _read_by_settings(name)] == []


def test_compose_keeps_keys_in_secret_files_and_trusts_only_its_nginx():
    compose = _compose()
    web = compose["services"]["web"]
    assert {"jiceng_secret_key", "jiceng_data_key"} <= set(web["secrets"])
    assert "JICENG_SECRET_KEY" not in web["environment"]
    network = compose["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert web["environment"]["JICENG_TRUSTED_PROXIES"] == network
    for mount in compose["services"]["nginx"]["volumes"]:
        if isinstance(mount, str) and mount.startswith("./nginx/"):
            assert (DEPLOY / mount.split(":")[0]).is_file(), mount


def test_the_image_runs_jiceng_serve_as_an_unprivileged_user_from_the_lock():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    assert "-r requirements/base.txt" in dockerfile
    assert re.search(r"^USER jiceng$", dockerfile, re.M)
    assert 'VOLUME ["/var/lib/jiceng"]' in dockerfile
    assert "JICENG_HOME=/var/lib/jiceng" in dockerfile
    assert dockerfile.rstrip().splitlines()[-1].startswith('CMD ["jiceng", "serve"')


def test_nginx_passes_the_headers_jiceng_reads_and_limits_uploads():
    proxy = (DEPLOY / "nginx" / "jiceng-proxy.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in proxy
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in proxy
    assert "proxy_set_header Host $host;" in proxy
    site = (DEPLOY / "nginx" / "jiceng.conf").read_text()
    assert "client_max_body_size" in site and "alias /var/lib/jiceng/static/;" in site


def _self_signed(folder: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "12345.example.cn")])
    now = timezone.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_the_nginx_example_passes_nginx_t(tmp_path):
    _self_signed(tmp_path)
    nginx = DEPLOY / "nginx"
    site = (nginx / "jiceng.conf").read_text()
    site = site.replace("/etc/nginx/jiceng-proxy.conf", str(nginx / "jiceng-proxy.conf"))
    (tmp_path / "site.conf").write_text(site.replace("/etc/nginx/tls/", f"{tmp_path}/"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; include {nginx}/upstream-host.conf; "
        f"include {tmp_path}/site.conf; }}\n"
    )
    command = ["nginx", "-t", "-c", f"{tmp_path}/nginx.conf", "-p", str(tmp_path)]
    result = subprocess.run([*command, "-e", f"{tmp_path}/error.log"], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    # The units point at /opt/jiceng/venv; here the command is this checkout's.
    jiceng = Path(sys.executable).with_name("jiceng")
    units = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        text = unit.read_text().replace("/opt/jiceng/venv/bin/jiceng", str(jiceng))
        (tmp_path / unit.name).write_text(text)
        units.append(str(tmp_path / unit.name))
    assert {Path(u).name for u in units} >= {"jiceng-web.service", "jiceng-worker.service"}
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *units], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
