from flask import Flask, Response, request
from pydantic import BaseModel, Field, ValidationError

app = Flask(__name__)


class NewItem(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)


@app.post("/items")
def create_item():
    try:
        item = NewItem.model_validate_json(request.get_data())
    except ValidationError as error:
        return Response(error.json(include_url=False), status=422, mimetype="application/json")
    return item.model_dump(), 201
