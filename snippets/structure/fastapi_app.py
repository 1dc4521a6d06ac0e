from fastapi import FastAPI

from . import fastapi_items, fastapi_users

app = FastAPI()
app.include_router(fastapi_items.router, prefix="/items", tags=["items"])
app.include_router(fastapi_users.router, prefix="/users", tags=["users"])
