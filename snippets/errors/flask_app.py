import json

from flask import Flask, abort
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
ITEMS = {1: {"name": "apple", "in_stock": True}, 2: {"name": "pear", "in_stock": False}}


class OutOfStock(Exception):
    pass


def place_order(item):
    if not item["in_stock"]:
        raise OutOfStock(f"{item['name']} is out of stock")
    return {"ordered": item["name"]}


def find_item(item_id):
    if item_id not in ITEMS:
        abort(404, description=f"Item {item_id} not found")
    return ITEMS[item_id]


@app.errorhandler(HTTPException)
def http_error(error):
    response = error.get_response()
    response.data = json.dumps({"detail": error.description})
    response.content_type = "application/json"
    return response


@app.errorhandler(OutOfStock)
def out_of_stock(error):
    return {"detail": str(error)}, 409


@app.get("/items/<int:item_id>")
def read_item(item_id):
    return find_item(item_id)


@app.post("/items/<int:item_id>/order")
def order_item(item_id):
    return place_order(find_item(item_id)), 201
