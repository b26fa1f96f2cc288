"""The WSGI application. Importing it has no side effect on the interpreter: the
warm-up and the garbage-collection and switch-interval settings are gunicorn hooks
(:mod:`jiceng.server`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
application = get_wsgi_application()
