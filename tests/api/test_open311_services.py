"""Open311 discovery, service list and service definitions."""

from __future__ import annotations

import pytest
from django.test import Client
from open311_check import as_strings, valid_json, xml_data

from jiceng.cases.models import Category
from jiceng.people.models import UnitKind
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level

pytestmark = pytest.mark.django_db


def test_discovery_names_the_v2_endpoint_in_both_formats(client: Client, org: object) -> None:
    data = client.get("/open311/discovery.json").json()
    root, xml = xml_data(client.get("/open311/discovery.xml"))
    endpoint = data["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2/")
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert (root, xml) == ("discovery", as_strings(data))


def test_services_list_every_active_category_with_its_group(client: Client, org: object) -> None:
    data = valid_json(client.get("/open311/v2/services.json"), "services.json")
    active = Category.objects.filter(active=True)
    assert [row["service_code"] for row in data] == [category.code for category in active]
    transport = next(row for row in data if row["service_code"] == "transport")
    assert transport["type"] == "realtime"
    assert transport["metadata"] is False
    assert transport["group"]
    root, xml = xml_data(client.get("/open311/v2/services.xml"))
    assert (root, xml) == ("services", as_strings(data))


def test_service_definition_is_served_under_the_plural_and_the_old_singular_path(
    client: Client, org: object
) -> None:
    plural = valid_json(
        client.get("/open311/v2/services/transport.json"), "service-definition.json"
    )
    singular = client.get("/open311/v2/service/transport.json").json()
    assert plural == singular == {"service_code": "transport", "attributes": []}
    root, xml = xml_data(client.get("/open311/v2/service/transport.xml"))
    assert root == "service_definition"
    assert xml == {"service_code": "transport", "attributes": []}


def test_an_unknown_service_code_is_a_404_in_the_spec_error_format(
    client: Client, org: object
) -> None:
    response = client.get("/open311/v2/services/no-such.json")
    assert response.status_code == 404
    assert response.json()[0]["code"] == 404
    assert "no-such" in response.json()[0]["description"]
    root, xml = xml_data(client.get("/open311/v2/services/no-such.xml"))
    assert root == "errors"
    assert xml[0]["code"] == "404"


def test_an_unknown_jurisdiction_is_a_404(client: Client, org: object) -> None:
    response = client.get("/open311/v2/services.json", {"jurisdiction_id": "110101"})
    assert response.status_code == 404
    assert "110101" in response.json()[0]["description"]


def test_the_county_code_is_accepted_as_jurisdiction(client: Client, org: object) -> None:
    response = client.get("/open311/v2/services.json", {"jurisdiction_id": "330681"})
    assert response.status_code == 200
    assert valid_json(response, "services.json")


def test_jurisdiction_is_required_once_a_second_county_is_served(
    client: Client, org: object
) -> None:
    other = Division.objects.create(
        code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306"
    )
    ensure_unit(other, UnitKind.DISPATCH, active=True)
    missing = client.get("/open311/v2/services.xml")
    assert missing.status_code == 400
    assert "jurisdiction_id" in xml_data(missing)[1][0]["description"]
    assert client.get("/open311/v2/services.json", {"jurisdiction_id": "330682"}).status_code == 200
