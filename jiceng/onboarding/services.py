"""Onboard a county in one step: units, departments, staff, catalogue and grids, then open it.

The workbook is read and every row checked first; then everything is written in one
transaction, so a county is either onboarded as the workbook says or left as it was.
Running the same workbook again changes nothing. The county opens for requests (its
dispatch centre becomes active) once it has an active dispatcher.
"""

from __future__ import annotations

from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core import clock, memo
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.onboarding import writes
from jiceng.onboarding.checks import check
from jiceng.onboarding.models import OnboardingRun
from jiceng.onboarding.opening import open_county
from jiceng.onboarding.outcome import Report, WorkbookInvalid
from jiceng.onboarding.scope import may_manage
from jiceng.onboarding.workbook import Unreadable, read
from jiceng.people.models import User
from jiceng.people.units import ensure_units
from jiceng.places.models import Division, Level


def county_for(code: str) -> Division:
    county = Division.objects.filter(code=code, level=Level.COUNTY).first()
    if county is None:
        raise InvalidInput(
            f"没有代码为 {code} 的县（区）。请先运行 jiceng import-divisions 导入区划。",
            field="county",
        )
    return county


def county_onboard(*, county_code: str, file: BinaryIO, by: User | None = None) -> Report:
    """Apply the workbook to the county; ``by`` is None on the command line."""
    county = county_for(county_code)
    if by is not None and not may_manage(by, county.code):
        raise NotAllowed(_("You may only onboard your own county."))
    try:
        rows = read(file)
    except Unreadable as error:
        raise InvalidInput(str(error), field="workbook") from None
    plan = check(county, rows)
    if plan.problems:
        raise WorkbookInvalid(plan.problems)
    report = Report(county=county)
    with transaction.atomic():
        report.counts["units_created"] = ensure_units(county.code)
        writes.apply(plan, report.counts)
        report.opened = open_county(county)
        OnboardingRun.objects.create(
            county=county, by=by, at=clock.now(), counts=dict(report.counts), opened=report.opened
        )
        # Every process's reference memos expire within minutes; this one's at once.
        transaction.on_commit(memo.forget_all)
    return report
