from django.urls import path
from ninja import Field, NinjaAPI, Schema, Status

api = NinjaAPI()


@api.get("/hello")
def hello(request):
    return {"message": "Hello, world"}


class Item(Schema):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)
    quantity: int = Field(ge=1, le=1000)


@api.post("/items", response={201: Item})
def create_item(request, item: Item):
    return Status(201, item)


urlpatterns = [path("", api.urls)]
