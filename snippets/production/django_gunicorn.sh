exec gunicorn --config python:snippets.production.gunicorn_conf snippets.django_site.wsgi:app
