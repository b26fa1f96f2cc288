"""``python -m jiceng.cli``: the ``jiceng`` command."""

from jiceng.cli import main

raise SystemExit(main())
