"""A server process loads its views and settles its collector before its first request,
without the database."""

import subprocess
import sys


def test_loading_the_application_imports_the_views_and_opens_no_connection(tmp_path):
    # A fresh interpreter: this test process has long imported everything.
    probe = (
        "import sys\n"
        "from django.db import connections\n"
        "import jiceng.wsgi\n"
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
    env = {
        "PATH": "/usr/bin:/bin",
        "JICENG_ENV": "development",
        "JICENG_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "jiceng.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "warm"


def test_a_web_process_imports_neither_jieba_nor_scikit_learn(tmp_path):
    # Both are for training and segmentation; a web process only predicts and checks spam.
    probe = (
        "import sys\n"
        "import jiceng.wsgi\n"
        "import jiceng.cases.intake, jiceng.insights.services\n"
        "loaded = sorted(m for m in ('jieba', 'sklearn', 'joblib') if m in sys.modules)\n"
        "print(','.join(loaded) or 'none')\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "JICENG_ENV": "development",
        "JICENG_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "jiceng.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"
