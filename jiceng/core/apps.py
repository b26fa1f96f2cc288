from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "jiceng.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from jiceng.core.checks import holiday_calendar_check

        checks.register(holiday_calendar_check)
