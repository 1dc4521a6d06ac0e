from pydantic import BaseModel, Field, ValidationError
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


async def create_item(request):
    try:
        item = Item.model_validate_json(await request.body())
    except ValidationError as error:
        detail = error.errors(include_url=False, include_context=False, include_input=False)
        return JSONResponse({"detail": detail}, status_code=422)
    return JSONResponse(item.model_dump(), status_code=201)


app = Starlette(routes=[Route("/items", create_item, methods=["POST"])])
