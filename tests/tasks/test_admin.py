"""Admin back office (docs/tasks/features.md#admin): Django's admin, Flask-Admin, and Flask-Admin in FastAPI.

Each admin refuses anonymous visitors and a wrong password; an authorised user lists the
books and adds one through the admin's own form, CSRF token included; a form posted
without the token changes nothing. In FastAPI, a JSON route beside the mounted admin
reads the book the admin created.
"""

import base64
import importlib
import re
import sys
from contextlib import contextmanager

import pytest
from django.test import Client
from fastapi.testclient import TestClient
from sqlalchemy import select
from werkzeug.security import generate_password_hash

PASSWORD = "correct horse battery staple"
CSRF_FIELD = re.compile(r'<input[^>]*name="(?:csrf_token|csrfmiddlewaretoken)"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


def basic(username, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def csrf_token(html):
    field = CSRF_FIELD.search(html)
    assert field, "the form has no CSRF token field"
    return VALUE.search(field.group()).group(1)


def text(response):
    return response.text if hasattr(response, "text") else response.get_data(as_text=True)


def fresh(module_name):
    if module_name in sys.modules:
        return importlib.reload(sys.modules[module_name])
    return importlib.import_module(module_name)


class SQLAlchemyAdmin:
    """One Flask-Admin under test: a client, a way to open another one, and the database behind it."""

    def __init__(self, client, new_client, flask_app):
        from snippets.admin.models import Book, db

        self.client, self.new_client, self.flask_app = client, new_client, flask_app
        self.db, self.book = db, Book

    def titles(self):
        with self.flask_app.app_context():
            return self.db.session.scalars(select(self.book.title).order_by(self.book.id)).all()

    def add(self, title, author):
        with self.flask_app.app_context():
            self.db.session.add(self.book(title=title, author=author))
            self.db.session.commit()


def flask_client(flask_app):
    client = flask_app.test_client()
    client.environ_base["wsgi.url_scheme"] = "https"
    return client


def fastapi_client(fastapi_app):
    return TestClient(fastapi_app, base_url="https://testserver", follow_redirects=False)


@contextmanager
def running(kind, monkeypatch, tmp_path):
    """Import the Flask or FastAPI snippet against a fresh SQLite file, with the admin credentials set.

    Afterwards each Flask app's pooled SQLite connections are closed (left open, they are a
    ResourceWarning since Python 3.13).
    """
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'library.db'}")
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_PASSWORD_HASH", generate_password_hash(PASSWORD))
    flask_module = fresh("snippets.admin.flask_app")
    flask_apps = [flask_module.app]
    try:
        if kind == "flask":
            yield SQLAlchemyAdmin(
                flask_client(flask_module.app), lambda: flask_client(flask_module.app), flask_module.app
            )
        else:
            module = fresh("snippets.admin.fastapi_app")
            flask_apps.append(module.admin_app)
            with fastapi_client(module.app) as client:
                yield SQLAlchemyAdmin(client, lambda: fastapi_client(module.app), module.admin_app)
    finally:
        from snippets.admin.models import db

        for flask_app in flask_apps:
            with flask_app.app_context():
                for engine in db.engines.values():
                    engine.dispose()


@pytest.fixture(params=["flask", "fastapi"])
def sqlalchemy_admin(request, monkeypatch, tmp_path):
    with running(request.param, monkeypatch, tmp_path) as admin:
        yield admin


@pytest.fixture
def fastapi_admin(monkeypatch, tmp_path):
    with running("fastapi", monkeypatch, tmp_path) as admin:
        yield admin


def test_the_password_is_stored_hashed_never_in_clear(sqlalchemy_admin, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD_HASH", PASSWORD)
    response = sqlalchemy_admin.client.get("/admin/", headers=basic("admin", PASSWORD))
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/admin/", "/admin/book/", "/admin/book/new/"])
@pytest.mark.parametrize(
    "headers",
    [{}, basic("admin", "wrong"), basic("someone", PASSWORD), {"Authorization": f"Bearer {PASSWORD}"}],
    ids=["anonymous", "wrong-password", "wrong-user", "not-basic"],
)
def test_sqlalchemy_admin_refuses_anyone_without_the_password(sqlalchemy_admin, path, headers):
    response = sqlalchemy_admin.client.get(path, headers=headers)
    assert (response.status_code, text(response)) == (401, "Login required")
    assert response.headers["WWW-Authenticate"] == 'Basic realm="admin"'


def test_sqlalchemy_admin_serves_its_bundled_css_without_the_password(sqlalchemy_admin):
    home = text(sqlalchemy_admin.client.get("/admin/", headers=basic("admin", PASSWORD)))
    stylesheets = re.findall(r'href="(/admin/static/[^"?]+\.css)', home)
    assert stylesheets
    for stylesheet in stylesheets:
        response = sqlalchemy_admin.client.get(stylesheet)
        response.close()
        assert response.status_code == 200
    assert 'href="http' not in home and 'src="http' not in home


def test_sqlalchemy_admin_refuses_an_anonymous_post(sqlalchemy_admin):
    response = sqlalchemy_admin.client.post("/admin/book/new/", data={"title": "Forged", "author": "Nobody"})
    assert response.status_code == 401
    assert sqlalchemy_admin.titles() == []


def test_sqlalchemy_admin_lists_and_creates_a_book_for_the_admin(sqlalchemy_admin):
    client, admin = sqlalchemy_admin.client, basic("admin", PASSWORD)
    form = client.get("/admin/book/new/", headers=admin)
    assert form.status_code == 200
    created = client.post(
        "/admin/book/new/",
        data={"title": "Dune", "author": "Frank Herbert", "csrf_token": csrf_token(text(form))},
        headers=admin,
    )
    assert created.status_code == 302
    assert created.headers["Location"] in ("/admin/book/", "https://testserver/admin/book/")
    assert sqlalchemy_admin.titles() == ["Dune"]
    listing = client.get("/admin/book/", headers=admin)
    assert listing.status_code == 200
    assert "Dune" in text(listing) and "Frank Herbert" in text(listing)
    assert "Dune" in text(client.get("/admin/book/?search=herbert", headers=admin))
    assert "Dune" not in text(client.get("/admin/book/?search=tolkien", headers=admin))


def test_sqlalchemy_admin_index_is_the_admin_home_for_the_admin(sqlalchemy_admin):
    home = sqlalchemy_admin.client.get("/admin/", headers=basic("admin", PASSWORD))
    assert home.status_code == 200
    assert "Library" in text(home) and "/admin/book/" in text(home)


def test_the_fastapi_route_beside_the_admin_reads_what_the_admin_created(fastapi_admin):
    client, admin = fastapi_admin.client, basic("admin", PASSWORD)
    assert client.get("/books").json() == []
    form = text(client.get("/admin/book/new/", headers=admin))
    data = {"title": "Dune", "author": "Frank Herbert", "csrf_token": csrf_token(form)}
    assert client.post("/admin/book/new/", data=data, headers=admin).status_code == 302
    assert client.get("/books").json() == [{"id": 1, "title": "Dune", "author": "Frank Herbert"}]


def test_sqlalchemy_admin_refuses_a_form_without_its_csrf_token(sqlalchemy_admin):
    response = sqlalchemy_admin.client.post(
        "/admin/book/new/", data={"title": "Forged", "author": "Nobody"}, headers=basic("admin", PASSWORD)
    )
    assert response.status_code == 200
    assert "Failed to create record." in text(response)
    assert sqlalchemy_admin.titles() == []


def test_sqlalchemy_admin_refuses_a_token_taken_from_another_session(sqlalchemy_admin):
    admin = basic("admin", PASSWORD)
    token = csrf_token(text(sqlalchemy_admin.client.get("/admin/book/new/", headers=admin)))
    response = sqlalchemy_admin.new_client().post(
        "/admin/book/new/", data={"title": "Forged", "author": "Nobody", "csrf_token": token}, headers=admin
    )
    assert response.status_code == 200
    assert "Failed to create record." in text(response)
    assert sqlalchemy_admin.titles() == []


def test_sqlalchemy_admin_deletes_only_with_the_csrf_token_of_its_delete_button(sqlalchemy_admin):
    client, admin = sqlalchemy_admin.client, basic("admin", PASSWORD)
    sqlalchemy_admin.add("Dune", "Frank Herbert")
    refused = client.post("/admin/book/delete/", data={"id": "1", "url": "/admin/book/"}, headers=admin)
    assert refused.status_code == 302
    assert sqlalchemy_admin.titles() == ["Dune"]
    token = csrf_token(text(client.get("/admin/book/", headers=admin)))
    deleted = client.post(
        "/admin/book/delete/", data={"id": "1", "url": "/admin/book/", "csrf_token": token}, headers=admin
    )
    assert deleted.status_code == 302
    assert sqlalchemy_admin.titles() == []


@pytest.fixture
def django_admin(settings):
    settings.ROOT_URLCONF = "snippets.admin.django_app"
    return Client(enforce_csrf_checks=True)


def log_in(client, username, password=PASSWORD):
    page = client.get("/admin/login/").content.decode()
    return client.post(
        "/admin/login/",
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": csrf_token(page),
            "next": "/admin/",
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/library/book/", "/admin/library/book/add/"])
def test_django_admin_sends_anonymous_visitors_to_its_login_page(django_admin, path):
    response = django_admin.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/login/?next={path}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("is_staff", "password"), [(False, PASSWORD), (True, "wrong")], ids=["not-staff", "wrong-password"]
)
def test_django_admin_refuses_a_wrong_password_and_a_user_who_is_not_staff(
    django_admin, django_user_model, is_staff, password
):
    django_user_model.objects.create_user("reader", password=PASSWORD, is_staff=is_staff)
    refused = log_in(django_admin, "reader", password)
    assert refused.status_code == 200
    assert "Please enter the correct username and password for a staff account." in refused.content.decode()
    assert django_admin.get("/admin/library/book/").status_code == 302


@pytest.mark.django_db
def test_django_admin_lists_and_creates_a_book_for_a_staff_user(django_admin, django_user_model):
    from django.contrib.auth.models import Permission

    from snippets.admin.django_library.models import Book

    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_book", "add_book"]))
    logged_in = log_in(django_admin, "editor")
    assert (logged_in.status_code, logged_in.headers["Location"]) == (302, "/admin/")
    form = django_admin.get("/admin/library/book/add/")
    assert form.status_code == 200
    created = django_admin.post(
        "/admin/library/book/add/",
        {
            "title": "Dune",
            "author": "Frank Herbert",
            "csrfmiddlewaretoken": csrf_token(form.content.decode()),
        },
    )
    assert (created.status_code, created.headers["Location"]) == (302, "/admin/library/book/")
    assert list(Book.objects.values_list("title", "author")) == [("Dune", "Frank Herbert")]
    listing = django_admin.get("/admin/library/book/").content.decode()
    assert "Dune" in listing and "Frank Herbert" in listing
    assert "Dune" in django_admin.get("/admin/library/book/?q=herbert").content.decode()
    assert "Dune" not in django_admin.get("/admin/library/book/?q=tolkien").content.decode()


@pytest.mark.django_db
def test_django_admin_hides_what_a_staff_user_has_no_permission_for(django_admin, django_user_model):
    django_user_model.objects.create_user("intern", password=PASSWORD, is_staff=True)
    log_in(django_admin, "intern")
    assert django_admin.get("/admin/library/book/").status_code == 403


@pytest.mark.django_db
def test_django_admin_refuses_an_add_or_a_delete_without_the_csrf_token(django_admin, django_user_model):
    from snippets.admin.django_library.models import Book

    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True, is_superuser=True)
    log_in(django_admin, "editor")
    forged = django_admin.post("/admin/library/book/add/", {"title": "Forged", "author": "Nobody"})
    assert forged.status_code == 403
    assert not Book.objects.exists()
    kept = Book.objects.create(title="Dune", author="Frank Herbert")
    deleted = django_admin.post(f"/admin/library/book/{kept.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 403
    assert Book.objects.filter(pk=kept.pk).exists()
