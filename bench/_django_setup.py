"""Django for a benchmark script: settings from the environment, a migrated database."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def migrated_django(database_url: str) -> None:
    """Point Django at ``database_url``, set it up and apply every migration."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("JICENG_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
