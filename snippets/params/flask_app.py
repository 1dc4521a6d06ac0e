from flask import Flask, request

app = Flask(__name__)


@app.get("/items/<int:item_id>")
def read_item(item_id):
    q = request.args.get("q")
    limit = request.args.get("limit", 10, type=int)
    if not 1 <= limit <= 100:
        return {"error": "limit must be between 1 and 100"}, 400
    return {"item_id": item_id, "q": q, "limit": limit}
