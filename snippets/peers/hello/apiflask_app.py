from apiflask import APIFlask

app = APIFlask(__name__)


@app.get("/hello")
def hello():
    return {"message": "Hello, world"}
