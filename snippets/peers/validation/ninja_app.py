from django.urls import path
from ninja import Field, NinjaAPI, Schema
from ninja.responses import Status

api = NinjaAPI(urls_namespace="peers-validation")


class Item(Schema):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


@api.post("/items", response={201: Item})
def create_item(request, item: Item):
    return Status(201, item)


urlpatterns = [path("", api.urls)]
