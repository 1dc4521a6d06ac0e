from itertools import count

from django.urls import path
from ninja import Field, NinjaAPI, Schema

api = NinjaAPI(title="Items API", version="1.0.0")
ids = count(1)


class ItemIn(Schema):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


class Item(ItemIn):
    id: int


@api.post("/items", response={201: Item})
def create_item(request, item: ItemIn):
    return {"id": next(ids), **item.model_dump()}


urlpatterns = [path("", api.urls)]
