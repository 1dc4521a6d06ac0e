from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter()
ITEMS = {1: "apple", 2: "pear"}


class NotFound(BaseModel):
    detail: str


@router.get("/")
async def list_items() -> dict[str, list[dict[str, int | str]]]:
    return {"items": [{"id": item_id, "name": name} for item_id, name in ITEMS.items()]}


@router.get("/{item_id}", responses={404: {"model": NotFound}})
async def read_item(item_id: int) -> dict[str, int | str]:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": item_id, "name": ITEMS[item_id]}
