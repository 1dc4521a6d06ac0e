from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

app = FastAPI()
ITEMS = {1: {"name": "apple", "in_stock": True}, 2: {"name": "pear", "in_stock": False}}


class OutOfStock(Exception):
    pass


class Problem(BaseModel):
    detail: str


NOT_FOUND = {404: {"model": Problem}}


def place_order(item: dict) -> dict[str, str]:
    if not item["in_stock"]:
        raise OutOfStock(f"{item['name']} is out of stock")
    return {"ordered": item["name"]}


def find_item(item_id: int) -> dict:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail=f"Item {item_id} not found")
    return ITEMS[item_id]


@app.exception_handler(OutOfStock)
async def out_of_stock(request: Request, error: OutOfStock) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, status_code=409)


@app.exception_handler(Exception)
async def server_error(request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"detail": "Internal server error"}, status_code=500)


@app.get("/items/{item_id}", responses=NOT_FOUND)
async def read_item(item_id: int) -> dict:
    return find_item(item_id)


@app.post("/items/{item_id}/order", status_code=201, responses={**NOT_FOUND, 409: {"model": Problem}})
async def order_item(item_id: int) -> dict[str, str]:
    return place_order(find_item(item_id))
