"""Werkzeug (Flask's router) finds the right route among 1,000, and keeps static path segments in a dict.

Since Werkzeug 2.2 the router is a state machine: each path segment is looked
up in a dict of the literal segments that can follow, so adding routes with
different literal prefixes does not add steps to a match. How long a match
takes is measured by the benchmark harness, not here.
"""

from flask import Flask

ROUTES = 1000


def make_app(count: int) -> Flask:
    app = Flask(__name__)
    for number in range(count):

        def view(item: int, number: int = number) -> dict[str, int]:
            return {"route": number, "item": item}

        app.add_url_rule(f"/r{number}/<int:item>", endpoint=f"r{number}", view_func=view)
    return app


def states(root):
    pending = [root]
    while pending:
        state = pending.pop()
        yield state
        pending.extend(state.static.values())
        pending.extend(state for _, state in state.dynamic)


def test_every_one_of_1000_routes_matches_its_own_endpoint():
    adapter = make_app(ROUTES).url_map.bind("localhost")
    for number in range(ROUTES):
        assert adapter.match(f"/r{number}/7") == (f"r{number}", {"item": 7})


def test_last_of_1000_routes_answers_through_the_test_client():
    response = make_app(ROUTES).test_client().get("/r999/42")
    assert response.status_code == 200
    assert response.get_json() == {"route": 999, "item": 42}


def test_literal_segments_are_keys_of_one_dict():
    app = make_app(ROUTES)
    app.url_map.bind("localhost").match("/r0/1")
    branching = [state for state in states(app.url_map._matcher._root) if "r0" in state.static]
    assert len(branching) == 1
    assert {f"r{number}" for number in range(ROUTES)} <= set(branching[0].static)
