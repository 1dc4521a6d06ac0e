from mangum import Mangum

from snippets.django_site.asgi import app

handler = Mangum(app, lifespan="off")
