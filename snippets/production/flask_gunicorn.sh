exec gunicorn --config python:snippets.production.gunicorn_conf snippets.hello.flask_app:app
