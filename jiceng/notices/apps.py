from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "jiceng.notices"
    label = "notices"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.core import checks

        from jiceng.cases.history import event_recorded
        from jiceng.notices import events
        from jiceng.notices.checks import notices_check

        checks.register(notices_check)
        # Every case event passes here, inside the transaction that writes it (the outbox).
        event_recorded.connect(events.on_event, dispatch_uid="jiceng.notices.events")
