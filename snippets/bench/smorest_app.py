from flask import Flask
from flask_smorest import Api, Blueprint
from marshmallow import Schema, fields, validate

app = Flask(__name__)
app.config.update(API_TITLE="Benchmark", API_VERSION="1", OPENAPI_VERSION="3.1.0")
api = Api(app)
blueprint = Blueprint("bench", __name__)


@blueprint.get("/hello")
def hello():
    return {"message": "Hello, world"}


class Item(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    price = fields.Float(required=True, validate=validate.Range(min=0, min_inclusive=False))
    quantity = fields.Integer(required=True, validate=validate.Range(min=1, max=1000))


@blueprint.post("/items")
@blueprint.arguments(Item)
@blueprint.response(201, Item)
def create_item(item):
    return item


api.register_blueprint(blueprint)
