from itertools import count

from django.urls import path
from ninja import Field, NinjaAPI, Schema, Status

api = NinjaAPI(title="Items API", version="1.0.0")
ids = count(1)


class ItemIn(Schema):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


class Item(ItemIn):
    id: int


class NotFound(Schema):
    detail: str


items: dict[int, dict] = {}


@api.post("/items", response={201: Item})
def create_item(request, item: ItemIn):
    created = {"id": next(ids), **item.model_dump()}
    items[created["id"]] = created
    return Status(201, created)


@api.get("/items/{item_id}", response={200: Item, 404: NotFound})
def read_item(request, item_id: int):
    if item_id not in items:
        return Status(404, {"detail": "Item not found"})
    return items[item_id]


urlpatterns = [path("", api.urls)]
