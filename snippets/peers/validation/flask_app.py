from flask import Flask, request
from pydantic import BaseModel, Field, ValidationError

app = Flask(__name__)


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


@app.post("/items")
def create_item():
    try:
        item = Item.model_validate_json(request.get_data())
    except ValidationError as error:
        detail = error.errors(include_url=False, include_context=False, include_input=False)
        return {"detail": detail}, 422
    return item.model_dump(), 201
