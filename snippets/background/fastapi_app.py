import logging

from fastapi import BackgroundTasks, FastAPI
from pydantic import BaseModel, Field

app = FastAPI()
log = logging.getLogger(__name__)


class Signup(BaseModel):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")


def send_welcome_email(address: str) -> None:
    log.info("welcome email sent to %s", address)


@app.post("/signup", status_code=202)
async def signup(signup: Signup, background_tasks: BackgroundTasks) -> dict[str, str]:
    background_tasks.add_task(send_welcome_email, signup.email)
    return {"status": "accepted"}
