import json

from flask import Flask, Response, request

app = Flask(__name__)


@app.get("/countdown")
def countdown():
    start = request.args.get("start", "3")
    if not start.isdecimal() or not 1 <= int(start) <= 10:
        return {"error": "start must be an integer from 1 to 10"}, 400

    def events():
        for n in range(int(start), 0, -1):
            yield f"data: {json.dumps({'n': n})}\nid: {n}\n\n"
        yield "event: done\ndata: {}\n\n"

    return Response(
        events(),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
