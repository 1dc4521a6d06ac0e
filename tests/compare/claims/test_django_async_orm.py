"""Django's async query API hands each query to the synchronous ORM, which runs in a worker thread."""

import asyncio
import threading

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import SynchronousOnlyOperation
from django.db.models.query import QuerySet


def test_acount_runs_the_synchronous_count_in_another_thread(monkeypatch):
    threads: list[int] = []

    def recording_count(self) -> int:
        threads.append(threading.get_ident())
        return 0

    monkeypatch.setattr(QuerySet, "count", recording_count)

    async def main() -> tuple[int, int]:
        return await Group.objects.acount(), threading.get_ident()

    count, event_loop_thread = asyncio.run(main())
    assert count == 0
    assert len(threads) == 1
    assert threads[0] != event_loop_thread


def test_calling_the_synchronous_orm_inside_the_event_loop_is_refused():
    async def main() -> None:
        Group.objects.count()

    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(main())
