"""The commands whose arguments and work live in their app's own ``cli`` module."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add
from jiceng.cli.history import cmd_verify_history


def cmd_apikey(args: argparse.Namespace) -> int:
    setup()
    from jiceng.api.cli import run

    return run(args)


def cmd_calendar(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.calendar_cli import run

    return run(args)


def cmd_policies(args: argparse.Namespace) -> int:
    setup()
    from jiceng.policies.cli import run

    return run(args)


def cmd_onboard_county(args: argparse.Namespace) -> int:
    setup()
    from jiceng.onboarding.cli import run

    return run(args)


def cmd_keys(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.keys_cli import run

    return run(args)


def cmd_config(args: argparse.Namespace) -> int:
    # No Django set-up: the settings are run in environments of their own (jiceng.core.env.docs),
    # so the docs can be written where the present environment could not start Jiceng.
    from jiceng.core.env.docs import run

    return run(args)


def cmd_notices(args: argparse.Namespace) -> int:
    setup()
    from jiceng.notices.cli import run

    return run(args)


def cmd_backup(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.backup_cli import run_backup

    return run_backup(args)


def cmd_restore(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.restore_cli import run_restore

    return run_restore(args, verify_history=cmd_verify_history)


def add_policies(add: Add) -> None:
    policies = add("policies", cmd_policies, "Policies find people: match residents to policies")
    from jiceng.policies.cli import add_arguments

    add_arguments(policies)


def add_onboard_county(add: Add) -> None:
    onboard = add(
        "onboard-county",
        cmd_onboard_county,
        "Set up a county in one step from a workbook (units, departments, staff, catalogue,"
        " grids) and open it for requests; --template writes the empty workbook",
    )
    from jiceng.onboarding.cli import add_arguments

    add_arguments(onboard)


def add_calendar(add: Add) -> None:
    calendar = add("calendar", cmd_calendar, "Import or show the holiday calendar")
    from jiceng.core.calendar_cli import add_arguments

    add_arguments(calendar)


def add_operations(add: Add) -> None:
    """API keys, data keys, the configuration docs, the outbox, backup and restore."""
    apikey = add("apikey", cmd_apikey, "Create or revoke an API key")
    from jiceng.api.cli import add_arguments as apikey_arguments

    apikey_arguments(apikey)
    keys = add("keys", cmd_keys, "Rotate the data key: new key, re-encrypt, check")
    from jiceng.core.keys_cli import add_arguments as keys_arguments

    keys_arguments(keys)
    config = add("config", cmd_config, "Write docs/configuration.md from the settings' parsers")
    from jiceng.core.env.docs import add_arguments as config_arguments

    config_arguments(config)
    notices = add("notices", cmd_notices, "Send due messages now; list the SMS templates")
    from jiceng.notices.cli import add_arguments as notices_arguments

    notices_arguments(notices)
    backup = add("backup", cmd_backup, "Back up the database (and photos) without the keys")
    restore = add("restore", cmd_restore, "Restore a backup, then verify the history")
    from jiceng.core.backup_cli import add_backup_arguments
    from jiceng.core.restore_cli import add_restore_arguments

    add_backup_arguments(backup)
    add_restore_arguments(restore)
