"""The native API object: its staff authentication, renderer and the error responses every
operation documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import APIKeyHeader, SessionAuth

from jiceng.api import schemas
from jiceng.api.renderers import OrjsonRenderer
from jiceng.api.services.lookup import apikey_user
from jiceng.people.models import User

if TYPE_CHECKING:
    from ninja.operation import Operation

PAGE_MAX = 100
ERRORS: dict[int, type[schemas.ErrorOut]] = {
    code: schemas.ErrorOut for code in (401, 403, 404, 409, 422)
}


class KeyAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = apikey_user(key or "")
        if user is not None:
            request.api_user = user  # type: ignore[attr-defined]
        return user


class NativeAPI(NinjaAPI):
    """Operation ids name the API, not the module an endpoint is written in, so that moving
    an endpoint between the package's modules leaves the published document unchanged."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return f"jiceng_api_native_{operation.view_func.__name__}"


STAFF = [KeyAuth(), SessionAuth(csrf=True)]
api = NativeAPI(
    title="Jiceng API",
    version="1",
    description="Cases, places, the dispatch catalogue and the three rates.",
    urls_namespace="api-v1",
    auth=STAFF,
    renderer=OrjsonRenderer(),
)
