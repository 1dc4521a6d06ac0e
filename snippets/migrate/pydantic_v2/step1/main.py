from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import links


class LinkIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: str = Field(min_length=1, max_length=100)
    url: str = Field(pattern=r"^https://")
    tags: list[str] = Field(default_factory=list, max_length=5)

    @field_validator("tags")
    @classmethod
    def lower_case(cls, tags: list[str]) -> list[str]:
        return [tag.lower() for tag in tags]


class LinkOut(LinkIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


app = FastAPI(title="Links")


@app.post("/links", status_code=201)
def create_link(data: LinkIn) -> LinkOut:
    return LinkOut.model_validate(links.add_link(**data.model_dump()))


@app.get("/links/{link_id}")
def read_link(link_id: int) -> LinkOut:
    link = links.get_link(link_id)
    if link is None:
        raise HTTPException(404, "Link not found")
    return LinkOut.model_validate(link)
