from flask import Flask
from flask_sock import Sock

app = Flask(__name__)
app.config["SOCK_SERVER_OPTIONS"] = {"ping_interval": 25, "max_message_size": 64 * 1024}
sock = Sock(app)


@sock.route("/ws")
def echo(ws):
    while True:
        message = ws.receive()
        ws.send(message)
