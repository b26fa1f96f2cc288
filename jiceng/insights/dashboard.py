"""What the leaders' dashboard reads, always inside the acting user's jurisdiction.

An :class:`Area` (a county, or a township inside it) is the unit of drill-down:
its figures are broken down by its child divisions (townships, or villages).
:func:`dashboard_area` is the only way to get one, and it checks the user's
role and jurisdiction; every selector here checks again before reading.

The rates, the area rule and the ranking come from :mod:`jiceng.insights.rates`
and are not restated here: the ranking, the area's own figures and the
twelve-month trend all read them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404
from django.utils.translation import gettext as _

from jiceng.cases.models import (
    OPEN_STATES,
    Case,
    Kind,
)
from jiceng.cases.permissions import is_admin, visible_cases
from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.insights.rates import AreaRates, MonthFigures, area_months, month_bounds, month_figures
from jiceng.people.models import Role, User
from jiceng.places.codes import code_range
from jiceng.places.models import CODE_LENGTHS, LEVEL_BY_LENGTH, Division, Level

DASHBOARD_ROLES = frozenset({Role.LEADER, Role.TOWNSHIP_STAFF, Role.ADMIN})
LEVELS = [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE]
AGE_THRESHOLDS = (30, 90, 365)  # days; the backlog's age bands
OLDEST_LIMIT = 20
# A month's rates stop changing once its last clock's response deadline has passed; the
# longest response limit is counted in hours or a few working days, so half a month is ample.
SETTLED_AFTER = timedelta(days=15)
TREND_CACHE_SECONDS = 3600


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


@dataclass
class MonthRates(AreaRates):
    month: date = field(default_factory=date.today)


@dataclass
class Backlog:
    code: str
    name: str
    total: int = 0
    over: dict[int, int] = field(default_factory=dict)  # days → open longer than that

    def band(self, low: int | None, high: int | None) -> int:
        """Open cases aged (low, high] days; None for "from zero" or "no limit"."""
        above = self.total if low is None else self.over.get(low, 0)
        return above - (0 if high is None else self.over.get(high, 0))


# --- who may look, and where --------------------------------------------------------------


def can_view_dashboard(user: User) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return is_admin(user) or (user.role in DASHBOARD_ROLES and user.unit_id is not None)


def _require_scope(user: User, code: str) -> None:
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
    _require_scope(user, code)
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
    _require_scope(user, area.code)
    top_code, top_name = area.trail[0]
    child = _child_level(LEVEL_BY_LENGTH[len(top_code)]) if top_code else Level.PROVINCE
    if child is None or child == Level.VILLAGE:
        return [(top_code, top_name)]
    children = Division.objects.filter(level=child, code__startswith=top_code).order_by("code")
    return [(top_code, top_name), *children.values_list("code", "name")]


# --- the month's rates ----------------------------------------------------------------------


def month_rates(*, user: User, area: Area, year: int, month: int) -> MonthFigures:
    """The month's rates of the area: its children ranked, its own units, its total."""
    _require_scope(user, area.code)
    return month_figures(
        year=year, month=month, within=area.code, level=area.child_level, name=area.name
    )


def ranking(*, user: User, area: Area, year: int, month: int) -> list[AreaRates]:
    """The three rates and the composite for each child of the area, ranked."""
    return month_rates(user=user, area=area, year=year, month=month).areas


def units_here(*, user: User, area: Area, year: int, month: int) -> list[AreaRates]:
    """The units sitting at the area itself (a county's departments, dispatch centre and
    government; a township's government), each with its own line."""
    return month_rates(user=user, area=area, year=year, month=month).units_here


def _cases_in(user: User, area: Area) -> QuerySet[Case]:
    _require_scope(user, area.code)
    return visible_cases(user).filter(code_range("division__code", area.code))


def received(*, user: User, area: Area, year: int, month: int) -> dict[str, int]:
    """Cases received in the month: all of them, and how many were consultations."""
    start, end = month_bounds(year, month)
    return (
        _cases_in(user, area)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .aggregate(total=Count("id"), consultations=Count("id", filter=Q(kind=Kind.CONSULTATION)))
    )


# --- twelve months --------------------------------------------------------------------------


def _months_back(year: int, month: int, count: int) -> list[tuple[int, int]]:
    last = year * 12 + month - 1
    return [(i // 12, i % 12 + 1) for i in range(last - count + 1, last + 1)]


def _trend_key(area: Area, row: MonthRates) -> str:
    return f"jiceng:dashboard:trend:v2:{area.code}:{row.month:%Y-%m}"


def _settled(row: MonthRates, now: datetime) -> bool:
    return now - month_bounds(row.month.year, row.month.month)[1] > SETTLED_AFTER


def _count_months(area: Area, rows: list[MonthRates]) -> None:
    """The counts of consecutive months, by the area rule of :mod:`jiceng.insights.rates`."""
    months = [(row.month.year, row.month.month) for row in rows]
    for row, counted in zip(
        rows, area_months(code=area.code, name=area.name, months=months), strict=True
    ):
        row.add(counted)


def trends(*, user: User, area: Area, year: int, month: int, months: int = 12) -> list[MonthRates]:
    """The area's rates for each of the ``months`` months ending with ``year-month``.

    The last month is the area's own figure for the chosen month (its units' work
    added up, see :mod:`jiceng.insights.rates`). A settled month's counts are kept in
    the cache: reading a year of clocks is the dashboard's most expensive query, and
    those months no longer change.
    """
    _require_scope(user, area.code)
    span = _months_back(year, month, months)
    rows = [MonthRates(code=area.code, name=area.name, month=date(y, m, 1)) for y, m in span]
    cached = cache.get_many([_trend_key(area, row) for row in rows])
    for row in rows:
        counts = cached.get(_trend_key(area, row))
        if counts is not None:
            row.set_counts(counts)
    missing = [i for i, row in enumerate(rows) if _trend_key(area, row) not in cached]
    if missing:
        _count_months(area, rows[missing[0] : missing[-1] + 1])
        now = clock.now()
        settled = [rows[i] for i in missing if _settled(rows[i], now)]
        cache.set_many({_trend_key(area, row): row.counts for row in settled}, TREND_CACHE_SECONDS)
    return rows


# --- the backlog (now, not in the chosen month) ----------------------------------------------


def open_requests(user: User, area: Area) -> QuerySet[Case]:
    return _cases_in(user, area).filter(kind=Kind.REQUEST, state__in=OPEN_STATES)


def backlog(*, user: User, area: Area, now: datetime) -> list[Backlog]:
    """Open requests per child of the area, and how many are older than each threshold."""
    length = CODE_LENGTHS[area.child_level]
    older = {
        f"over_{days}": Count("id", filter=Q(submitted_at__lt=now - timedelta(days=days)))
        for days in AGE_THRESHOLDS
    }
    counted = (
        open_requests(user, area)
        .annotate(child=Substr("division_id", 1, length))
        .values("child")
        .annotate(total=Count("id"), **older)
    )
    children = Division.objects.filter(level=area.child_level, code__startswith=area.code)
    rows = {
        code: Backlog(code=code, name=name) for code, name in children.values_list("code", "name")
    }
    for found in counted:
        if found["child"] in rows:
            row = rows[found["child"]]
            row.total = found["total"]
            row.over = {days: found[f"over_{days}"] for days in AGE_THRESHOLDS}
    return sorted(rows.values(), key=lambda r: (-r.band(AGE_THRESHOLDS[0], None), -r.total, r.code))


def oldest_open(*, user: User, area: Area, limit: int = OLDEST_LIMIT) -> list[Case]:
    """The longest-open requests, oldest first, with what the list shows already joined."""
    cases = open_requests(user, area).select_related("category", "division", "owner")
    # Only what the list shows: the database sorts every open request, not just twenty.
    shown = ("number", "title", "submitted_at", "category__name", "division__name", "owner__name")
    return list(cases.only(*shown).order_by("submitted_at", "id")[:limit])
