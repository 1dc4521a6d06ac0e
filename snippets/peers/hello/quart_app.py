from quart import Quart

app = Quart(__name__)


@app.get("/hello")
async def hello():
    return {"message": "Hello, world"}
