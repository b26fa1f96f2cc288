"""Which environment this is (production, development or test) and where its files live."""

from __future__ import annotations

import sys
from pathlib import Path

from jiceng.core import env

BASE_DIR = Path(__file__).resolve().parent.parent  # the jiceng package


def _default_env() -> str:
    runner = Path(sys.argv[0]).name if sys.argv else ""
    return "test" if runner in {"pytest", "py.test"} or "pytest" in sys.modules else "production"


env.section("Environment, keys and database")
JICENG_ENV = env.choice(
    "JICENG_ENV",
    _default_env(),
    ("production", "development", "test"),
    help="production refuses to start without its keys; development generates keys into "
    "$JICENG_HOME/keys.env (git-ignored); test uses fixed throwaway keys",
    doc_default="`production` (`test` under pytest)",
)
JICENG_HOME = Path(
    env.string(
        "JICENG_HOME",
        str(Path.cwd() / "var"),
        help="where the SQLite file, generated keys, static files and photos live",
        doc_default="`./var`",
    )
).resolve()
