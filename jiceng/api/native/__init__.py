"""The native REST API at ``/api/v1/`` (django-ninja; OpenAPI at ``/api/v1/openapi.json``).

Staff authenticate with a session (plus CSRF) or an ``X-API-Key``; the key's
service user carries its role and jurisdiction. Every read goes through the
same scoping as the web, every write through ``jiceng.cases.services``.

``app`` holds the API object and ``errors`` its one error shape; importing the endpoint
modules registers their operations, in the order the OpenAPI document lists them.
"""

# isort: off
from jiceng.api.native import errors as errors
from jiceng.api.native import creation as creation
from jiceng.api.native import listing as listing
from jiceng.api.native import transitions as transitions
from jiceng.api.native import reference_data as reference_data
from jiceng.api.native import rates as rates
from jiceng.api.native import follow as follow

# isort: on
from jiceng.api.native.app import api as api
