"""The people app's admin: each module registers its models when imported."""

from jiceng.people.admin import access_log, accounts, households, residents

__all__ = ["access_log", "accounts", "households", "residents"]
