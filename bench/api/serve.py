"""Serve Jiceng like ``jiceng serve`` does, with ``/bench/bare`` added (see bare.py).

Usage: python bench/api/serve.py PORT   (DATABASE_URL, JICENG_HOME, JICENG_ENV as for serve)
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402

from jiceng.server import run  # noqa: E402

settings.ROOT_URLCONF = "bare"
sqlite = str(settings.DATABASES["default"]["ENGINE"]).endswith("sqlite3")
workers = 1 if sqlite else (os.cpu_count() or 1) * 2 + 1
run(host="127.0.0.1", port=int(sys.argv[1]), workers=workers, threads=8 if sqlite else 4)
