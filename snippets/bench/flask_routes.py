import os

from flask import Flask


def create_app(route_count: int) -> Flask:
    app = Flask(__name__)
    for number in range(route_count):
        app.add_url_rule(
            f"/route{number}/<int:item_id>",
            endpoint=f"route{number}",
            view_func=lambda item_id, number=number: {"route": number, "item_id": item_id},
        )
    return app


app = create_app(int(os.environ.get("ROUTE_COUNT", "10")))
