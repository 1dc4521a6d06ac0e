exec gunicorn --config python:snippets.production.gunicorn_conf --worker-class asgi snippets.hello.fastapi_app:app
