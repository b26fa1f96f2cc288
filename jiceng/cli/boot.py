"""Setting Django up for a command, and migrating the database for those that need it."""

from __future__ import annotations

import os


def setup(default_env: str | None = None) -> None:
    if default_env:
        os.environ.setdefault("JICENG_ENV", default_env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
