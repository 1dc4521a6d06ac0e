"""Tooling the tests share: none of it runs in the site build.

- `servers`: start snippet apps under their production servers (gunicorn, uvicorn) on loopback.
- `http_answers`: the saved HTTP answers pages show, compared with live answers and refreshed from them.
- `django_db`: migrate a fresh SQLite or PostgreSQL database for a Django app run in its own process.
- `quality`, `sitecheck`, `links`, `staticserver`: checks on the built site (tests/site/).
- `pytest_secrets`: a pytest plugin (`-p tests.support.pytest_secrets` in pyproject.toml) that
  gives the example apps fresh secrets.

The folder is importable as `tests.support` because the project root is on `sys.path`
(pytest's `pythonpath = ["."]`, and the editable install of the project for `python -m`).
"""
