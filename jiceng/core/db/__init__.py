"""The ENGINE name ``jiceng.core.db.sqlite3`` of the settings; the backend itself is a fast
path and lives in :mod:`jiceng.core.fast.sqlite3`."""
