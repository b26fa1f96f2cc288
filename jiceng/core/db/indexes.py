"""Index migrations that do not stop a live city's writes.

``CREATE INDEX`` holds a lock that blocks every write to the table for as long as the
build takes: minutes on a city's ten million cases. On PostgreSQL these operations build
and drop with ``CONCURRENTLY`` instead, and elsewhere (SQLite, where a table is small
and the build quick) plainly. A migration using them sets ``atomic = False``, as
``CONCURRENTLY`` cannot run inside a transaction. A build that fails half-way leaves an
invalid index behind: drop it and migrate again (docs/scale.md, "Upgrading a large
database").
"""

from __future__ import annotations

from typing import Any

from django.db.migrations.operations import AddIndex, RemoveIndex


def _change(
    operation: Any, schema_editor: Any, state: Any, app_label: str, index: Any, *, build: bool
) -> None:
    """Build or drop ``index`` on the operation's model as ``state`` has it."""
    model = state.apps.get_model(app_label, operation.model_name)
    if not operation.allow_migrate_model(schema_editor.connection.alias, model):
        return
    online = {"concurrently": True} if schema_editor.connection.vendor == "postgresql" else {}
    change = schema_editor.add_index if build else schema_editor.remove_index
    change(model, index, **online)


class AddIndexOnline(AddIndex):
    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        _change(self, schema_editor, to_state, app_label, self.index, build=True)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        _change(self, schema_editor, from_state, app_label, self.index, build=False)


class RemoveIndexOnline(RemoveIndex):
    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        index = from_state.models[app_label, self.model_name_lower].get_index_by_name(self.name)
        _change(self, schema_editor, from_state, app_label, index, build=False)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        index = to_state.models[app_label, self.model_name_lower].get_index_by_name(self.name)
        _change(self, schema_editor, to_state, app_label, index, build=True)
