import os
import time

from flask import Flask, abort, render_template, request
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Float, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

app = Flask(__name__)


# --8<-- [start:hello]
@app.get("/hello")
def hello():
    return {"message": "Hello, world"}


# --8<-- [end:hello]


# --8<-- [start:params]
@app.get("/users/<int:user_id>/items")
def user_items(user_id: int):
    limit = request.args.get("limit", default=10, type=int)
    query = request.args.get("q", default="")
    return {"user_id": user_id, "limit": limit, "q": query}


# --8<-- [end:params]


# --8<-- [start:validation]
class Item(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)
    quantity: int = Field(ge=1, le=1000)


@app.post("/items")
def create_item():
    try:
        item = Item.model_validate_json(request.get_data())
    except ValidationError as error:
        return {"detail": error.errors(include_url=False, include_context=False)}, 422
    return item.model_dump(), 201


# --8<-- [end:validation]


# --8<-- [start:io]
@app.get("/io/<int:milliseconds>")
def wait_for_upstream(milliseconds: int):
    if milliseconds > 1000:
        abort(400)
    time.sleep(milliseconds / 1000)
    return {"waited_ms": milliseconds}


# --8<-- [end:io]


# --8<-- [start:template]
ITEMS = [{"name": f"Item {number}", "price": number * 1.5} for number in range(1, 21)]


@app.get("/page")
def page():
    return render_template("items.html", title="Catalogue", items=ITEMS)


# --8<-- [end:template]


# --8<-- [start:database]
class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "bench_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    price: Mapped[float] = mapped_column(Float)


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///bench.sqlite3"))


@app.get("/products")
def products():
    with Session(engine) as session:
        rows = session.scalars(select(Product).order_by(Product.id).limit(20))
        return [{"id": row.id, "name": row.name, "price": row.price} for row in rows]


# --8<-- [end:database]
