"""Reads from a streaming replica, for the pages that may be a few seconds old.

Only the GET requests of the views named in ``JICENG_REPLICA_VIEWS`` (the dashboard,
its exports, the case lists) read the replica; :mod:`.middleware` marks them, and
:class:`.router.ReplicaRouter` sends their reads there. Every write goes to the primary,
and so do the reads of a browser that wrote within ``JICENG_REPLICA_STICKY_SECONDS``
(a cookie, so it holds whichever node answers), and the reads of logins, sessions,
users and units: who may see what is never decided on old data. :mod:`.health` skips a
replica that is down or further behind than ``JICENG_REPLICA_MAX_LAG`` seconds.

Raw SQL on ``django.db.connection`` is not routed: it always reads the primary.
"""
