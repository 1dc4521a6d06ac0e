from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import FastAPI, Query
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()


@app.get("/countdown", response_class=EventSourceResponse)
async def countdown(start: Annotated[int, Query(ge=1, le=10)] = 3) -> AsyncIterator[ServerSentEvent]:
    for n in range(start, 0, -1):
        yield ServerSentEvent(data={"n": n}, id=str(n))
    yield ServerSentEvent(data={}, event="done")
