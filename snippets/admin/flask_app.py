import os

from flask import Flask, Response, request
from flask_admin import Admin, AdminIndexView
from flask_admin.contrib.sqla import ModelView
from flask_admin.form import SecureForm
from flask_babel import Babel
from werkzeug.security import check_password_hash

from snippets.admin.models import Book, db


class StaffOnly:
    def is_accessible(self):
        auth = request.authorization
        if auth is None or auth.type != "basic":
            return False
        password_ok = check_password_hash(os.environ["ADMIN_PASSWORD_HASH"], auth.password or "")
        return password_ok and auth.username == os.environ["ADMIN_USERNAME"]

    def inaccessible_callback(self, name, **kwargs):
        return Response("Login required", 401, {"WWW-Authenticate": 'Basic realm="admin"'})


class Home(StaffOnly, AdminIndexView):
    pass


class BookAdmin(StaffOnly, ModelView):
    form_base_class = SecureForm
    column_searchable_list = ["title", "author"]


def create_app(url="/admin"):
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite:///library.db"),
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    db.init_app(app)
    Babel(app)
    with app.app_context():
        db.create_all()
    admin = Admin(app, name="Library", url=url, index_view=Home(url=url))
    admin.add_view(BookAdmin(Book, db))
    return app


app = create_app()
