"""One case's ratings and photos, each against the event that vouches for it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from django.core.files.storage import default_storage

from jiceng.cases.verification.walk import Cursor, Tampering, Walk


def _rating_as_recorded(event: Any) -> tuple[Any, ...]:
    """The rating row its RATE event describes, in the order of streams.RATING_FIELDS."""
    data = event.data
    return (
        event.case_id,
        event.id,
        event.unit_id,
        event.division_code,
        event.at,
        data.get("solved"),
        data.get("satisfaction"),
        event.note,
        data.get("source"),
    )


def check_ratings(walk: Walk, ratings: Cursor[tuple[Any, ...]]) -> Iterator[Tampering]:
    while ratings.row is not None and ratings.row[0] == walk.case_id:
        rating = ratings.take()
        event = walk.ratings.pop(rating[1], None)
        if event is None:
            yield walk.problem("rating without event")
        elif tuple(rating) != _rating_as_recorded(event):
            yield walk.problem("rating altered", event.seq)
    for event in walk.ratings.values():
        yield walk.problem("rating missing", event.seq)


def _photo_as_recorded(event: Any) -> tuple[Any, ...]:
    data = event.data
    return (
        event.case_id,
        data.get("attachment"),
        data.get("name"),
        event.at,
        data.get("size"),
        data.get("type"),
    )


def check_photos(
    walk: Walk, photos: Cursor[tuple[Any, ...]], *, files: bool
) -> Iterator[Tampering]:
    while photos.row is not None and photos.row[0] == walk.case_id:
        photo = photos.take()
        event = walk.photos.pop(photo[1], None)
        if event is None and _archived(walk, photo[3]):
            continue  # its ATTACH event left with an archived month
        if event is None:
            yield walk.problem("attachment without event")
        elif tuple(photo) != _photo_as_recorded(event):
            yield walk.problem("attachment altered", event.seq)
        elif files and _file_digest(photo[2]) != event.data.get("sha256"):
            yield walk.problem("attachment file altered", event.seq)
    for event in walk.photos.values():
        yield walk.problem("attachment missing", event.seq)


def _archived(walk: Walk, uploaded_at: Any) -> bool:
    return walk.archived_until is not None and uploaded_at <= walk.archived_until


def _file_digest(name: str) -> str | None:
    """sha256 of a stored file's bytes; None when the file is gone."""
    if not default_storage.exists(name):
        return None
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as stored:
        for chunk in iter(lambda: stored.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()
