from fastapi import APIRouter

router = APIRouter()
USERS = {1: "ada"}


@router.get("/")
async def list_users() -> dict[str, list[dict[str, int | str]]]:
    return {"users": [{"id": user_id, "name": name} for user_id, name in USERS.items()]}
