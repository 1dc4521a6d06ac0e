from mangum import Mangum

from snippets.hello.fastapi_app import app

handler = Mangum(app, lifespan="off")
