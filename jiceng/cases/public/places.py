"""Where the deployment works: its counties, their townships and villages, and the categories."""

from __future__ import annotations

from jiceng.cases.models import Category
from jiceng.people.models import Unit, UnitKind
from jiceng.places.models import Division, Level


def deployment_counties() -> list[Division]:
    """Counties whose dispatch centre is open (onboarded); the division table may hold all of
    China. A county whose units are set up but that is not onboarded is left out."""
    centres = Unit.objects.filter(kind=UnitKind.DISPATCH)
    opened = centres.filter(active=True).values("division_id")
    counties = list(Division.objects.filter(level=Level.COUNTY, code__in=opened))
    if counties or centres.exists():
        return counties
    # A fresh install has no centre until it is set up: then every imported county counts.
    return list(Division.objects.filter(level=Level.COUNTY))


def townships(counties: list[Division]) -> list[Division]:
    codes = [county.code for county in counties]
    return list(Division.objects.filter(level=Level.TOWNSHIP, parent_id__in=codes))


def villages(township_code: str, counties: list[Division]) -> list[Division]:
    if not any(township_code[:6] == county.code for county in counties):
        return []
    return list(Division.objects.filter(level=Level.VILLAGE, parent_id=township_code))


def categories() -> list[Category]:
    return list(Category.objects.filter(active=True))
