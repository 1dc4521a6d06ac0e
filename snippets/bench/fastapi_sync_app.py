import os
import time
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Path
from pydantic import BaseModel
from sqlalchemy import Float, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

app = FastAPI()


# --8<-- [start:hello]
@app.get("/hello")
def hello() -> dict[str, str]:
    return {"message": "Hello, world"}


# --8<-- [end:hello]


# --8<-- [start:io]
@app.get("/io/{milliseconds}")
def wait_for_upstream(milliseconds: Annotated[int, Path(ge=0, le=1000)]) -> dict[str, int]:
    time.sleep(milliseconds / 1000)
    return {"waited_ms": milliseconds}


# --8<-- [end:io]


# --8<-- [start:database]
class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "bench_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    price: Mapped[float] = mapped_column(Float)


class ProductOut(BaseModel):
    id: int
    name: str
    price: float


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///bench.sqlite3"))


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@app.get("/products")
def products(session: Annotated[Session, Depends(get_session)]) -> list[ProductOut]:
    rows = session.scalars(select(Product).order_by(Product.id).limit(20))
    return [ProductOut(id=row.id, name=row.name, price=row.price) for row in rows]


# --8<-- [end:database]
