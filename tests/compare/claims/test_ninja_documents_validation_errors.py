"""Django Ninja answers an invalid body with 422 but lists only the declared responses in its document."""

import json

from django.test import Client
from django.test.utils import override_settings
from django.urls import path
from ninja import NinjaAPI, Schema

api = NinjaAPI(urls_namespace="claims-ninja-422")


class ItemIn(Schema):
    name: str
    price: float


class ItemOut(ItemIn):
    id: int


@api.post("/items", response={201: ItemOut})
def create_item(request, item: ItemIn):
    return 201, {"id": 1, **item.dict()}


urlpatterns = [path("", api.urls)]


@override_settings(ROOT_URLCONF=__name__)
def test_an_invalid_body_gets_a_422_that_the_document_does_not_list():
    client = Client()
    response = client.post("/items", data=json.dumps({"name": "apple"}), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "item", "price"]
    document = client.get("/openapi.json").json()
    assert sorted(document["paths"]["/items"]["post"]["responses"]) == ["201"]
