from apiflask import APIFlask
from pydantic import BaseModel, Field

app = APIFlask(__name__)


@app.get("/hello")
def hello():
    return {"message": "Hello, world"}


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)
    quantity: int = Field(ge=1, le=1000)


@app.post("/items")
@app.input(Item)
@app.output(Item, status_code=201)
def create_item(json_data: Item) -> Item:
    return json_data
