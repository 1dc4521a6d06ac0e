from flask import Flask, request
from werkzeug.exceptions import RequestEntityTooLarge

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.errorhandler(RequestEntityTooLarge)
def too_large(error):
    return {"detail": "Content Too Large"}, 413


@app.post("/upload")
def upload():
    file = request.files.get("file")
    if file is None:
        return {"detail": "Send the file in the form field 'file'"}, 400
    return {"filename": file.filename, "size": len(file.read())}, 201
