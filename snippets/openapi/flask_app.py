from itertools import count

from apiflask import APIFlask, Schema, abort
from apiflask.fields import Float, Integer, String
from apiflask.validators import Length, Range

app = APIFlask(__name__, title="Items API", version="1.0.0")
ids = count(1)
items: dict[int, dict] = {}


class ItemIn(Schema):
    name = String(required=True, validate=Length(min=1, max=50))
    price = Float(required=True, validate=Range(min=0, min_inclusive=False))


class Item(ItemIn):
    id = Integer(required=True)


@app.post("/items")
@app.input(ItemIn)
@app.output(Item, status_code=201)
def create_item(json_data):
    item = {"id": next(ids), **json_data}
    items[item["id"]] = item
    return item


@app.get("/items/<int:item_id>")
@app.output(Item)
@app.doc(responses=[404])
def read_item(item_id):
    if item_id not in items:
        abort(404, "Item not found")
    return items[item_id]
