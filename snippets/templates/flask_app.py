from flask import Flask, render_template

app = Flask(__name__)
FRAMEWORKS = ["Flask", "FastAPI", "Django"]


@app.get("/hello/<name>")
def hello(name):
    return render_template("hello.html", name=name, frameworks=FRAMEWORKS)
