from flask import Flask

app = Flask(__name__)
app.config.from_mapping(SITE_NAME="Example shop", PAGE_SIZE=20)
app.config.from_prefixed_env("APP")
if not app.config["SECRET_KEY"]:
    raise RuntimeError("Set the APP_SECRET_KEY environment variable")


@app.get("/settings")
def show_settings():
    return {"site_name": app.config["SITE_NAME"], "page_size": app.config["PAGE_SIZE"]}
