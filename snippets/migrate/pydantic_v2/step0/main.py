from typing import Annotated

from fastapi import Body, FastAPI, HTTPException
from fastapi.exceptions import RequestValidationError
from pydantic.v1 import BaseModel, Field, ValidationError, validator

from .. import links


class LinkIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    url: str = Field(regex=r"^https://")
    tags: list[str] = Field(default_factory=list, max_items=5)

    class Config:
        anystr_strip_whitespace = True
        extra = "forbid"

    @validator("tags", each_item=True)
    def lower_case(cls, tag):
        return tag.lower()


class LinkOut(LinkIn):
    id: int

    class Config:
        orm_mode = True


app = FastAPI(title="Links")


@app.post("/links", status_code=201)
def create_link(payload: Annotated[dict, Body()]) -> dict:
    try:
        data = LinkIn.parse_obj(payload)
    except ValidationError as error:
        raise RequestValidationError(
            [{**detail, "loc": ("body", *detail["loc"])} for detail in error.errors()]
        ) from error
    return LinkOut.from_orm(links.add_link(**data.dict())).dict()


@app.get("/links/{link_id}")
def read_link(link_id: int) -> dict:
    link = links.get_link(link_id)
    if link is None:
        raise HTTPException(404, "Link not found")
    return LinkOut.from_orm(link).dict()
