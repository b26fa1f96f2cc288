"""``/api/v1/``: the native API, its OpenAPI document and its interactive docs."""

from jiceng.api.native import api

app_name = "api-v1"  # the namespace ninja's docs page reverses the schema URL in
urlpatterns = list(api.urls[0])
