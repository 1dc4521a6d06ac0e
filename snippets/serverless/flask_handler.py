from a2wsgi import WSGIMiddleware
from mangum import Mangum

from snippets.hello.flask_app import app

handler = Mangum(WSGIMiddleware(app), lifespan="off")
