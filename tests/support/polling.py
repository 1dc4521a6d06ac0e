"""Waiting, within a bound, for something a test causes but does not control the timing of."""

import time
from collections.abc import Callable


def wait_for(check: Callable[[], bool], timeout: float = 30) -> bool:
    """Whether `check()` became true within `timeout` seconds (checked every 0.1 s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False
