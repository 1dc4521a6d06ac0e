from flask import Blueprint, abort

items = Blueprint("items", __name__)
ITEMS = {1: "apple", 2: "pear"}


@items.get("/")
def list_items():
    return {"items": [{"id": item_id, "name": name} for item_id, name in ITEMS.items()]}


@items.get("/<int:item_id>")
def read_item(item_id):
    if item_id not in ITEMS:
        abort(404)
    return {"id": item_id, "name": ITEMS[item_id]}
