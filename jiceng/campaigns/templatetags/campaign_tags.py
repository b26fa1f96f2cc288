from django import template
from django.http import HttpRequest

from jiceng.campaigns.services import may_run

register = template.Library()


@register.filter
def may_run_campaigns(request: HttpRequest) -> bool:
    """``{% if request|may_run_campaigns %}``: whether the signed-in user opens campaigns."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and may_run(user))
