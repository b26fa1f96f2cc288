"""GeoReport v2 endpoints under ``/open311/``.

GET needs no key. POST needs an API key (in the query or the form body); the
key's role and jurisdiction are applied as for any staff user, and the request
enters through ``case_submit`` like any other.
"""

from jiceng.api.open311.views.collection import requests as requests
from jiceng.api.open311.views.discovery import discovery as discovery
from jiceng.api.open311.views.reading import list_cache_key as list_cache_key
from jiceng.api.open311.views.reading import request_detail as request_detail
from jiceng.api.open311.views.reading import token as token
from jiceng.api.open311.views.services import service_definition as service_definition
from jiceng.api.open311.views.services import service_list as service_list
