from flask import Flask

from .flask_items import items
from .flask_users import users

app = Flask(__name__)
app.register_blueprint(items, url_prefix="/items")
app.register_blueprint(users, url_prefix="/users")
