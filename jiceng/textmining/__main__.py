"""``python -m jiceng.textmining …`` runs the same commands as ``jiceng textmining …``."""

import sys

from jiceng.textmining.cli import main

sys.exit(main())
