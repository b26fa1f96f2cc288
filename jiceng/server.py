"""Gunicorn, embedded, so ``jiceng serve`` needs no separate configuration file."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


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


def run(*, host: str, port: int, workers: int, threads: int, access_log: str | None = None) -> None:
    """Serve until stopped. ``access_log`` is a file, "-" for stdout, or None (no access log:
    gunicorn formats every line in Python, a fifth of a small request's cost, and a
    reverse proxy in front keeps its own)."""
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "accesslog": access_log,
            "timeout": 60,
            "graceful_timeout": 10,
        }
    ).run()
