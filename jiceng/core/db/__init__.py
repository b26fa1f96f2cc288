"""Database backends of our own (see :mod:`jiceng.core.db.sqlite3`)."""
