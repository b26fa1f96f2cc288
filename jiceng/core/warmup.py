"""What a server process loads before it takes its first request.

Django imports the URLconf, and with it every view, at the first request a process
serves, paid by whoever sends it, and by every process at once right after ``jiceng
serve`` starts (bench/api/README.md, "Session 4", cold starts). :func:`warm` imports it,
with the translation catalogues and the spam check's character table, before the process
accepts connections. The gunicorn hook ``post_worker_init`` (:mod:`jiceng.server`) calls
it, then :func:`jiceng.core.fast.interpreter.settle`; importing ``jiceng.wsgi`` does not.

Nothing here touches the database: connections belong to the threads that serve.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def warm() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view
    # The gettext catalogues of every language, read from disk on first use.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Case")
    # The spam check's traditional-character table, built from OpenCC on first use.
    from jiceng.textmining.normalize import to_simplified

    to_simplified("")
