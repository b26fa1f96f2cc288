from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "jiceng.api"
    label = "api"
    verbose_name = _("APIs")

    def ready(self) -> None:
        from jiceng.api import surfaces

        surfaces.register_error_renderers()
