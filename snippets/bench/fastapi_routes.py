import os

from fastapi import APIRouter, FastAPI


def make_endpoint(number: int):
    async def endpoint(item_id: int) -> dict[str, int]:
        return {"route": number, "item_id": item_id}

    return endpoint


def create_app(route_count: int) -> FastAPI:
    router = APIRouter()
    for number in range(route_count):
        router.add_api_route(f"/route{number}/{{item_id}}", make_endpoint(number), methods=["GET"])
    app = FastAPI()
    app.include_router(router)
    return app


app = create_app(int(os.environ.get("ROUTE_COUNT", "10")))
