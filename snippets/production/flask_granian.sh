exec granian --interface wsgi --no-ws --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --workers "${WEB_CONCURRENCY:-2}" --blocking-threads "${THREADS:-4}" \
  snippets.hello.flask_app:app
