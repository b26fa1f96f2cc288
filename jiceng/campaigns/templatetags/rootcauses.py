from django import template

from jiceng.cases import rootcauses

register = template.Library()


@register.simple_tag
def root_cause_choices(category: str) -> list[tuple[str, str]]:
    """The root causes offered when resolving a case of ``category``."""
    return rootcauses.choices(category)
