exec granian --interface asgi --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --workers "${WEB_CONCURRENCY:-2}" \
  snippets.hello.fastapi_app:app
