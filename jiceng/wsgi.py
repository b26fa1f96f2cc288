import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
application = get_wsgi_application()

from jiceng.core.warmup import warm  # noqa: E402 - needs the settings above

warm()
