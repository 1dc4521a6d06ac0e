import hashlib
import os

from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_AGE = 60
SERIALIZER = URLSafeTimedSerializer(
    os.environ["LIVE_TOKEN_KEY"], salt="live", signer_kwargs={"digest_method": hashlib.sha256}
)


def issue(user_id):
    return SERIALIZER.dumps({"user": user_id})


def verify(token):
    try:
        return SERIALIZER.loads(token, max_age=MAX_AGE)["user"]
    except BadSignature:
        return None
