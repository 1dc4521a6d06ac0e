from flask import Blueprint

users = Blueprint("users", __name__)
USERS = {1: "ada"}


@users.get("/")
def list_users():
    return {"users": [{"id": user_id, "name": name} for user_id, name in USERS.items()]}
