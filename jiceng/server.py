"""Gunicorn, embedded, so ``jiceng serve`` needs no separate configuration file.

Each worker process loads the application, then gunicorn calls
:func:`post_worker_init` in it before the worker accepts connections: the URLconf
and catalogues are loaded (:mod:`jiceng.core.warmup`) and the interpreter settled
(:mod:`jiceng.core.fast.interpreter`). A deployment running gunicorn with its own
configuration file sets the same hook with one line in it:
``from jiceng.server import post_worker_init``.
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


def post_worker_init(worker: Any) -> None:
    """Gunicorn's hook, in the worker, once the application is loaded."""
    from jiceng.core.fast.interpreter import settle
    from jiceng.core.warmup import warm

    warm()
    settle()


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from jiceng.wsgi import application

        return application


def options(
    *, host: str, port: int, workers: int, threads: int, access_log: str | None
) -> dict[str, Any]:
    """Gunicorn's settings for ``jiceng serve``."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": access_log,
        "timeout": 60,
        "graceful_timeout": 10,
        "post_worker_init": post_worker_init,
    }


def run(*, host: str, port: int, workers: int, threads: int, access_log: str | None = None) -> None:
    """Serve until stopped. ``access_log`` is a file, "-" for stdout, or None (no access log:
    gunicorn formats every line in Python, a fifth of a small request's cost in
    bench/api/README.md, Session 3, and a reverse proxy in front keeps its own)."""
    _Server(
        options(host=host, port=port, workers=workers, threads=threads, access_log=access_log)
    ).run()
