from a2wsgi import WSGIMiddleware
from fastapi import FastAPI
from sqlalchemy import select

from snippets.admin.flask_app import create_app
from snippets.admin.models import Book, db

admin_app = create_app(url="/")
app = FastAPI()


@app.get("/books")
def list_books():
    with admin_app.app_context():
        books = db.session.scalars(select(Book).order_by(Book.id))
        return [{"id": book.id, "title": book.title, "author": book.author} for book in books]


app.mount("/admin", WSGIMiddleware(admin_app))
