"""Building blocks for tests: real places, and cases taken through the real services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from django.utils import timezone

from jiceng.cases import services
from jiceng.cases.models import Case, Category, Channel
from jiceng.core import clock
from jiceng.people.models import User

T = TypeVar("T")

FENGQIAO = "330681109"
TIANZHU = "330681109002"
BAISHU = "330681109003"
JIYANG = "330681001"
JIANGDONG = "330681001001"


def local(*args: int) -> datetime:
    return timezone.make_aware(datetime(*args), timezone.get_current_timezone())  # noqa: DTZ001


# A Monday morning with no holiday near it, so limits in tests are easy to read.
MONDAY = (2026, 3, 2, 9, 0)


def submit(
    users: dict[str, User], *, category: str = "transport", village: str = TIANZHU, **extra: object
) -> Case:
    fields: dict[str, object] = {
        "category": Category.objects.get(code=category),
        "description": "村口的路灯坏了三个星期，晚上很黑，老人出门不安全。",
        "division_code": village,
        "contact_phone": "13812345678",
        "contact_name": "王小明",
        "channel": Channel.WEB,
    }
    fields.update(extra)
    return services.case_submit(**fields)  # type: ignore[arg-type]


def dispatched(users: dict[str, User], **extra: object) -> Case:
    case = submit(users, **extra)
    services.case_dispatch(case=case, by=users["dispatcher"])
    return case


def accepted(users: dict[str, User], **extra: object) -> Case:
    case = dispatched(users, **extra)
    services.case_accept(case=case, by=users["cadre"])
    return case


def resolved(users: dict[str, User], **extra: object) -> Case:
    case = accepted(users, **extra)
    services.case_resolve(case=case, by=users["cadre"], answer="已更换路灯灯泡，当晚恢复照明。")
    return case


def at(moment: datetime, action: Callable[..., T], **kwargs: object) -> T:
    """Run ``action`` with the clock stopped at ``moment``."""
    with clock.frozen_at(moment):
        return action(**kwargs)


def dispatched_in_march(
    users: dict[str, User], day: int, *, village: str = TIANZHU, title: str = ""
) -> tuple[Case, datetime]:
    """Submitted and dispatched at 09:00 on ``day`` March 2026; the case and that moment."""
    start = local(2026, 3, day, 9, 0)
    extra = {"title": title} if title else {}
    case = at(start, submit, users=users, village=village, **extra)
    at(start, services.case_dispatch, case=case, by=users["dispatcher"])
    return case, start


def resolve_and_rate(
    users: dict[str, User],
    case: Case,
    moment: datetime,
    satisfaction: str,
    solved: bool,
    by: str = "cadre",
) -> None:
    """Resolved at ``moment``, rated by the resident three hours later."""
    at(moment, services.case_resolve, case=case, by=users[by], answer="已处理")
    at(
        moment + timedelta(hours=3),
        services.case_rate,
        case=case,
        solved=solved,
        satisfaction=satisfaction,
    )


def photo(
    image_format: str = "PNG", *, width: int = 8, height: int = 6, exif: bool = False
) -> bytes:
    """A real little image; with ``exif``, tagged as a phone would: GPS, camera, orientation."""
    import io

    from PIL import ExifTags, Image

    image = Image.new("RGB", (width, height), (200, 30, 30))
    tags = Image.Exif()
    if exif:
        tags[ExifTags.Base.Make] = "PhoneMaker"
        tags[ExifTags.Base.Model] = "Serial-0042"
        tags[ExifTags.Base.Orientation] = 6  # taken sideways: "rotate 90° to show"
        gps = tags.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = (29.0, 42.0, 7.5)
    out = io.BytesIO()
    image.save(out, image_format, exif=tags.tobytes() if exif else b"")
    return out.getvalue()


class _Undo(Exception):
    pass


def rolled_back(work: Callable[[], T], *, errors: tuple[type[Exception], ...] = ()) -> object:
    """Run ``work`` and undo whatever it wrote; its result, or one of ``errors`` it raised."""
    from django.db import transaction

    try:
        with transaction.atomic():
            raise _Undo(work())
    except _Undo as undo:
        return undo.args[0]
    except errors as error:
        return error
