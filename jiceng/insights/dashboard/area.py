"""Who may look at the dashboard, and at which area: the unit of drill-down."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from jiceng.cases.models import Case
from jiceng.cases.permissions import is_admin, visible_cases
from jiceng.core.errors import NotAllowed
from jiceng.people.models import Role, User
from jiceng.places.codes import code_range
from jiceng.places.models import CODE_LENGTHS, LEVEL_BY_LENGTH, Division, Level

DASHBOARD_ROLES = frozenset({Role.LEADER, Role.TOWNSHIP_STAFF, Role.ADMIN})
LEVELS = [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE]


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    level: str
    child_level: str
    # From the top of the user's scope down to this area: (code, name); for breadcrumbs.
    trail: tuple[tuple[str, str], ...]

    @property
    def root(self) -> str:
        return self.trail[0][0]


def can_view_dashboard(user: User) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return is_admin(user) or (user.role in DASHBOARD_ROLES and user.unit_id is not None)


def require_scope(user: User, code: str) -> None:
    if not can_view_dashboard(user):
        raise NotAllowed(_("Your role cannot see the dashboard."))
    if not is_admin(user) and not code.startswith(user.jurisdiction):
        raise NotAllowed(_("This area is outside your jurisdiction."))


def _child_level(level: str) -> str | None:
    index = LEVELS.index(Level(level))
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


def _top_of_everything() -> str:
    """An admin's starting point: go down from the provinces while there is only one."""
    prefix: str = ""
    level: str = Level.PROVINCE
    while level != Level.VILLAGE:
        codes = list(
            Division.objects.filter(level=level, code__startswith=prefix).values_list(
                "code", flat=True
            )[:2]
        )
        if len(codes) != 1:
            break
        prefix, level = codes[0], _child_level(level) or Level.VILLAGE
    return prefix


def dashboard_area(user: User, code: str | None = None) -> Area:
    """The area to show: ``code`` if given (it must be inside the user's scope), else the scope."""
    if not can_view_dashboard(user):
        raise NotAllowed(_("Your role cannot see the dashboard."))
    root = _top_of_everything() if is_admin(user) else user.jurisdiction
    code = root if code is None else code
    require_scope(user, code)
    if code == "":
        everywhere = _("Everywhere")
        return Area("", everywhere, "", Level.PROVINCE, (("", everywhere),))
    prefixes = [code[:n] for n in CODE_LENGTHS.values() if min(len(root), len(code)) <= n]
    found = dict(
        Division.objects.filter(code__in=prefixes).values_list("code", "name").order_by("code")
    )
    level = LEVEL_BY_LENGTH.get(len(code))
    child = _child_level(level) if level else None
    if code not in found or level is None or child is None:
        raise Http404(_("No such area to show."))
    trail = tuple((c, found[c]) for c in sorted(found))
    return Area(code=code, name=found[code], level=level, child_level=child, trail=trail)


def area_choices(user: User, area: Area) -> list[tuple[str, str]]:
    """The top of the user's scope and its children: the areas one can jump to."""
    require_scope(user, area.code)
    top_code, top_name = area.trail[0]
    child = _child_level(LEVEL_BY_LENGTH[len(top_code)]) if top_code else Level.PROVINCE
    if child is None or child == Level.VILLAGE:
        return [(top_code, top_name)]
    children = Division.objects.filter(level=child, code__startswith=top_code).order_by("code")
    return [(top_code, top_name), *children.values_list("code", "name")]


def cases_in(user: User, area: Area) -> QuerySet[Case]:
    require_scope(user, area.code)
    return visible_cases(user).filter(code_range("division__code", area.code))
