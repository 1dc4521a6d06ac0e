"""APIFlask publishes `minimum: 0` for a range that excludes 0: the document allows what the app refuses."""

from apiflask import APIFlask, Schema
from apiflask.fields import Float
from apiflask.validators import Range

app = APIFlask(__name__)


class PriceIn(Schema):
    price = Float(required=True, validate=Range(min=0, min_inclusive=False))


@app.post("/prices")
@app.input(PriceIn)
def create_price(json_data):
    return json_data, 201


def test_the_document_says_zero_is_allowed():
    schema = app.spec["components"]["schemas"]["PriceIn"]["properties"]["price"]
    assert schema["minimum"] == 0
    assert "exclusiveMinimum" not in schema


def test_the_validator_refuses_zero():
    response = app.test_client().post("/prices", json={"price": 0})
    assert response.status_code == 422
    assert response.json["detail"] == {"json": {"price": ["Must be greater than 0."]}}
