from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "jiceng.people"
    label = "people"
    verbose_name = _("People and units")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from jiceng.people.models import Unit
        from jiceng.people.units.routing import village_route
        from jiceng.places.models import Division

        for model in (Division, Unit):
            post_save.connect(village_route.forget, sender=model, dispatch_uid=f"routes-{model}")
            post_delete.connect(village_route.forget, sender=model, dispatch_uid=f"routes-{model}-")
