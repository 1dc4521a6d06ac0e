from apiflask import APIFlask, Schema
from apiflask.fields import Float, String
from apiflask.validators import Length, Range

app = APIFlask(__name__)


class Item(Schema):
    name = String(required=True, validate=Length(min=1, max=50))
    price = Float(required=True, validate=Range(min=0, min_inclusive=False))


@app.post("/items")
@app.input(Item)
@app.output(Item, status_code=201)
def create_item(json_data):
    return json_data
