"""The settings, one area a module; ``jiceng/settings.py`` imports them in order.

Each module reads its variables through the strict parsers of :mod:`jiceng.core.env`
under its own section of docs/configuration.md, so the order in which ``settings.py``
imports them is the order of that page. ``jiceng config docs`` runs ``settings.py``
afresh for each profile (:func:`jiceng.core.env.docs.run_settings`), these modules with it.
"""
