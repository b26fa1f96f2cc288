"""A server process loads its views and settles its collector before its first request,
without the database; importing the WSGI application alone changes nothing."""

import subprocess
import sys

ENV = {
    "PATH": "/usr/bin:/bin",
    "JICENG_ENV": "development",
    "DJANGO_SETTINGS_MODULE": "jiceng.settings",
}


def _run(probe: str, tmp_path) -> str:
    # A fresh interpreter: this test process has long imported everything.
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**ENV, "JICENG_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_the_wsgi_application_leaves_the_collector_and_switch_interval_alone(tmp_path):
    probe = (
        "import gc, sys\n"
        "before = (gc.get_threshold(), sys.getswitchinterval(), gc.get_freeze_count())\n"
        "import jiceng.wsgi\n"
        "after = (gc.get_threshold(), sys.getswitchinterval(), gc.get_freeze_count())\n"
        "assert after == before, (before, after)\n"
        "assert 'jiceng.api.native' not in sys.modules\n"
        "print('untouched')\n"
    )
    assert _run(probe, tmp_path) == "untouched"


def test_the_worker_hook_imports_the_views_and_settles_the_collector_without_a_connection(
    tmp_path,
):
    probe = (
        "import sys\n"
        "from django.db import connections\n"
        "import jiceng.wsgi\n"
        "from jiceng.server import post_worker_init\n"
        "post_worker_init(None)\n"
        "assert 'jiceng.urls' in sys.modules and 'jiceng.api.native' in sys.modules\n"
        "assert 'jiceng.web.views' in sys.modules or any(\n"
        "    name.startswith('jiceng.web.') for name in sys.modules)\n"
        "assert all(c.connection is None for c in connections.all(initialized_only=True))\n"
        "from jiceng.textmining.normalize import _traditional_chars\n"
        "assert _traditional_chars.cache_info().currsize == 1\n"
        "import gc\n"
        "assert gc.get_freeze_count() > 10000, gc.get_freeze_count()\n"
        "assert gc.get_threshold()[0] == 10000 and sys.getswitchinterval() == 0.001\n"
        "print('warm')\n"
    )
    assert _run(probe, tmp_path) == "warm"


def test_jiceng_serve_gives_gunicorn_the_worker_hook():
    from jiceng.server import _Server, options, post_worker_init

    server = _Server(options(host="127.0.0.1", port=0, workers=1, threads=1, access_log=None))
    assert server.cfg.post_worker_init is post_worker_init


def test_a_web_process_imports_neither_jieba_nor_scikit_learn(tmp_path):
    # Both are for training and segmentation; a web process only predicts and checks spam.
    probe = (
        "import sys\n"
        "import jiceng.wsgi\n"
        "from jiceng.server import post_worker_init\n"
        "post_worker_init(None)\n"
        "import jiceng.cases.intake, jiceng.insights.services\n"
        "loaded = sorted(m for m in ('jieba', 'sklearn', 'joblib') if m in sys.modules)\n"
        "print(','.join(loaded) or 'none')\n"
    )
    assert _run(probe, tmp_path) == "none"
