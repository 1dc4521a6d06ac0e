from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class NewItem(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)


@app.post("/items", status_code=201)
async def create_item(item: NewItem) -> NewItem:
    return item
