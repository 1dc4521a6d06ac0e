"""Wizard links: old links keep working, foreign parameters are ignored, bad answers are dropped."""

import copy
from urllib.parse import parse_qsl

import pytest

from guide import decide
from guide.data import DataError
from tests.decide.trees import GOOD_TREE

EDITION_1_LINKS = [
    ("start=new&shape=api&api-data=no", "fastapi"),
    ("start=new&shape=concurrent", "fastapi"),
    ("start=new&shape=small&small-typed=yes", "fastapi"),
    ("start=new&shape=pages&pages-scope=yes&pages-concurrent=no", "django"),
    ("start=new&shape=pages&pages-scope=no", "flask"),
    ("start=new&shape=small&small-typed=no", "flask"),
    ("start=new&shape=api&api-data=yes", "django-ninja"),
    ("start=django&django-need=typed-api", "django-ninja"),
    ("start=new&shape=pages&pages-scope=yes&pages-concurrent=yes", "django-plus-fastapi"),
    ("start=django&django-need=async", "django-plus-fastapi"),
    ("start=flask&flask-need=api-docs", "flask-apiflask"),
    ("start=flask&flask-need=async", "flask-plus-fastapi"),
    ("start=flask&flask-need=features", "keep-flask"),
    ("start=django&django-need=features", "keep-django"),
]
"""Every complete link the wizard wrote in edition 1, before links named one, and the outcome it showed."""

THEN_NONE = "workload=none&deployment=unsure&team=none&constraints=none"
"""Today's answers to the questions under `then` that raise no caveat."""

FOREIGN = "utm_source=chat&utm_medium=social&fbclid=x&ref=newsletter&h=django"


def read(query: str) -> decide.Link:
    return decide.read_link(decide.tree(), query)


@pytest.mark.parametrize(("query", "outcome"), EDITION_1_LINKS)
def test_a_link_from_before_editions_still_reaches_its_outcome(query, outcome):
    link = read(query)
    assert (link.outcome, link.dropped, link.changed) == (outcome, [], False)


@pytest.mark.parametrize(("query", "outcome"), EDITION_1_LINKS)
def test_an_edition_1_link_with_its_outcome_still_resolves_in_edition_2(query, outcome):
    """Must show 3: a link written with edition 1's ids (and `v=1&outcome=`, as the wizard wrote them
    after links named an edition) reaches the same outcome today, with no caveat it did not ask about."""
    assert decide.tree().edition == 2
    link = read(f"v=1&{query}&outcome={outcome}&utm_source=chat&fbclid=x")
    assert (link.outcome, link.recorded, link.dropped, link.changed) == (outcome, outcome, [], False)
    assert decide.collected(link.steps, "caveats") == []
    assert [question.id for question, _ in link.steps][-4:] == decide.tree().then


def test_an_edition_1_link_that_stopped_early_keeps_asking():
    link = read("v=1&start=new")
    assert (link.outcome, link.dropped) == (None, [])
    assert decide.steps_end(decide.tree(), link.steps) == "shape"


@pytest.mark.parametrize(("query", "outcome"), EDITION_1_LINKS)
def test_parameters_the_wizard_does_not_know_are_ignored(query, outcome):
    for mangled in (f"{query}&{FOREIGN}", f"{FOREIGN}&{query}", f"colour=blue&{query}&utm_campaign="):
        link = read(mangled)
        assert (link.outcome, link.dropped) == (outcome, []), mangled


def complete(steps):
    """A routing path followed by the answers under `then` that raise no caveat."""
    tree = decide.tree()
    then, _ = decide.walk(tree, {"start": "new", "shape": "concurrent", **dict(parse_qsl(THEN_NONE))})
    return steps + then[2:]


PATHS = [steps for outcome in decide.tree().outcomes for steps in decide.paths_to(decide.tree(), outcome.id)]


@pytest.mark.parametrize("steps", PATHS)
def test_a_permalink_reads_back_as_its_answers_and_outcome(steps):
    full = complete(steps)
    link = read(decide.permalink(decide.tree(), full).partition("?")[2])
    assert link.steps == full
    assert link.recorded == link.outcome == steps[-1][1].next
    assert not link.changed


def test_a_routing_path_alone_asks_the_questions_under_then():
    steps = decide.paths_to(decide.tree(), "fastapi")[0]
    link = read(decide.permalink(decide.tree(), steps).partition("?")[2])
    assert (link.outcome, link.dropped) == (None, [])
    assert decide.steps_end(decide.tree(), link.steps) == "workload"
    assert "outcome=" not in decide.permalink(decide.tree(), steps)


def asked(question_id: str) -> str:
    return decide.tree().question(question_id).text


def test_an_invalid_answer_keeps_the_answers_before_it_and_says_why():
    link = read("start=new&shape=sideways&api-data=no&utm_source=chat")
    assert [answer.id for _, answer in link.steps] == ["new"]
    assert link.outcome is None
    assert link.dropped == [
        f"“shape=sideways” was dropped: “sideways” is not an answer to “{asked('shape')}”",
        f"“api-data=no” was dropped: the link’s other answers never reach the question “{asked('api-data')}”",
    ]


def test_an_answer_to_a_question_off_the_path_is_dropped():
    link = read("start=flask&shape=api&flask-need=features")
    assert link.outcome == "keep-flask"
    assert link.dropped == [
        f"“shape=api” was dropped: the link’s other answers never reach the question “{asked('shape')}”"
    ]


def test_a_second_answer_to_a_question_is_dropped_and_a_repeated_one_ignored():
    assert read("start=new&start=new&shape=concurrent").dropped == []
    link = read("start=new&start=flask&shape=concurrent")
    assert link.outcome == "fastapi"
    assert link.dropped == [
        f"“start=flask” was dropped: the link answers “{asked('start')}” more than once, "
        "and only the first answer counts"
    ]


def test_the_tree_now_answers_differently_when_the_recorded_outcome_differs():
    assert read("v=1&start=new&shape=concurrent&outcome=fastapi").changed is False
    differs = read("v=1&start=new&shape=concurrent&outcome=django")
    assert (differs.outcome, differs.recorded, differs.changed) == ("fastapi", "django", True)
    assert read("v=1&start=new&outcome=fastapi").changed, "today's tree asks another question"
    assert read("start=new&shape=concurrent&outcome=gone").changed, "an outcome the tree no longer has"


def test_a_link_with_dropped_answers_does_not_claim_the_tree_changed():
    link = read("start=new&shape=sideways&outcome=fastapi")
    assert link.dropped
    assert not link.changed


@pytest.mark.parametrize("version", ["", "0", "x", "99", "1.0"])
def test_an_edition_this_tree_never_had_reads_the_link_with_todays_ids(version):
    assert read(f"v={version}&start=new&shape=concurrent&{THEN_NONE}").outcome == "fastapi"
    assert read(f"v={version}&start=new&shape=concurrent").outcome is None, "today's ids: no then answers"


# --------------------------------------------------------------------------- multiple answers, caveats

FANOUT_API = "v=2&start=new&shape=api&api-data=no&deployment=serverless&team=new-to-async&constraints=none"


def test_a_multiple_choice_question_takes_several_answers_and_collects_their_caveats():
    link = read(f"{FANOUT_API}&workload=fan-out&workload=cpu&workload=fan-out")
    assert (link.outcome, link.dropped) == ("fastapi", [])
    assert [answer.id for question, answer in link.steps if question.id == "workload"] == ["cpu", "fan-out"]
    assert decide.collected(link.steps, "caveats") == [
        "cpu-bound",
        "fan-out",
        "serverless",
        "async-newcomers",
    ]
    assert decide.permalink(decide.tree(), link.steps).count("workload=") == 2


def test_none_ticked_with_other_answers_is_dropped():
    link = read(f"{FANOUT_API}&workload=none&workload=cpu")
    assert link.outcome == "fastapi"
    assert link.dropped == [
        f"“workload=none” was dropped: other answers to “{asked('workload')}” are ticked with it"
    ]
    assert [answer.id for question, answer in link.steps if question.id == "workload"] == ["cpu"]


def test_an_unknown_answer_to_a_multiple_choice_question_drops_only_that_answer():
    link = read(f"{FANOUT_API}&workload=gpu&workload=cpu")
    assert link.outcome == "fastapi"
    assert link.dropped == [f"“workload=gpu” was dropped: “gpu” is not an answer to “{asked('workload')}”"]
    link = read(f"{FANOUT_API}&workload=gpu")
    assert (link.outcome, decide.steps_end(decide.tree(), link.steps)) == (None, "workload")


def test_a_single_choice_question_under_then_keeps_its_first_answer():
    link = read(f"{FANOUT_API}&workload=none&deployment=fleet")
    assert link.outcome == "fastapi"
    assert link.dropped == [
        f"“deployment=fleet” was dropped: the link answers “{asked('deployment')}” more than once, "
        "and only the first answer counts"
    ]


def test_answers_under_then_wait_silently_until_the_path_reaches_an_outcome():
    link = read("v=2&start=new&workload=cpu&team=none")
    assert (link.outcome, link.dropped, len(link.steps)) == (None, [], 1)


# --------------------------------------------------------------------------- renames, on a fixture tree

RENAMED = {
    2: {"first": "q1", "first=bee": "q1=b", "first=direct": "q1=a&q2=y", "old-a": "out-a"},
    3: {"q2=y": "q2=yes"},
}
"""Edition 1 called q1 `first`, its answer b `bee` and out-a `old-a`, and had an answer `direct`
that edition 2 split into two answers; edition 3 renamed q2's answer `y` to `yes`."""


def edition_3(**changes) -> dict:
    document = copy.deepcopy(GOOD_TREE)
    document.update({"edition": 3, "renamed": copy.deepcopy(RENAMED), **changes})
    return document


@pytest.fixture
def renamed_tree(write_tree):
    path, pages = write_tree(edition_3())
    return decide.load_tree(path, pages)


@pytest.mark.parametrize(
    ("query", "outcome"),
    [
        ("first=a&q2=y&outcome=old-a", "out-a"),
        ("v=1&first=bee&outcome=out-b", "out-b"),
        ("v=1&first=direct", "out-a"),
        ("v=2&q1=a&q2=y&outcome=out-a", "out-a"),
        ("v=3&q1=a&q2=yes&outcome=out-a", "out-a"),
    ],
    ids=["edition-1-without-v", "edition-1", "edition-1-split", "edition-2", "edition-3"],
)
def test_a_renamed_id_resolves_through_the_mapping(renamed_tree, query, outcome):
    link = decide.read_link(renamed_tree, f"utm_source=chat&{query}&fbclid=x")
    assert (link.outcome, link.dropped, link.changed) == (outcome, [], False)


def test_old_ids_in_a_link_of_the_current_edition_are_unknown_parameters(renamed_tree):
    link = decide.read_link(renamed_tree, "v=3&first=a&q1=b")
    assert (link.outcome, link.dropped) == ("out-b", [])


def test_a_dropped_renamed_answer_is_named_as_the_link_wrote_it(renamed_tree):
    link = decide.read_link(renamed_tree, "v=1&first=a&q2=maybe")
    assert link.dropped == ["“q2=maybe” was dropped: “maybe” is not an answer to “Second question?”"]


def test_a_renamed_outcome_is_compared_under_its_new_id(renamed_tree):
    assert decide.read_link(renamed_tree, "first=bee&outcome=old-a").changed
    assert (
        decide.permalink(renamed_tree, decide.walk(renamed_tree, {"q1": "b"})[0])
        == "decide/?v=3&q1=b&outcome=out-b"
    )


@pytest.mark.parametrize(
    ("renamed", "message"),
    [
        ({2: {"first": "nowhere"}}, r"renamed\[2\]\[first\]: 'nowhere' is neither a question nor an outcome"),
        ({2: {"first=bee": "q9=b"}}, r"renamed\[2\]\[first=bee\]: 'q9' is not a question"),
        ({2: {"first=bee": "q1=z"}}, r"renamed\[2\]\[first=bee\]: 'z' is not an answer to 'q1'"),
        ({2: {"first=bee": "q1=a&q2=y"}, 3: {}}, r"renamed\[2\]\[first=bee\]: 'y' is not an answer to 'q2'"),
        ({2: {"first=bee": "b"}}, r"renamed\[2\]\[first=bee\]: 'b' is not question=answer"),
        ({2: {"first": "q1=a"}}, r"renamed\[2\]\[first\]: 'q1=a' is not a question or outcome id"),
        ({2: {"First question": "q1"}}, r"renamed\[2\]\[First question\]: write an old id, or an old answer"),
        ({4: {"first": "q1"}}, r"renamed\[4\]: is later than the current edition, 3"),
        ({1: {"first": "q1"}}, r"renamed\[1\]: renames start with edition 2"),
    ],
    ids=[
        "unknown-node",
        "unknown-question",
        "unknown-answer",
        "not-carried-by-a-later-edition",
        "answer-to-a-bare-id",
        "id-to-an-answer",
        "bad-key",
        "future-edition",
        "first-edition",
    ],
)
def test_a_rename_to_nothing_is_an_error_naming_file_and_field(write_tree, renamed, message):
    path, pages = write_tree(edition_3(renamed=renamed))
    with pytest.raises(DataError, match=r"tree\.yml: " + message):
        decide.load_tree(path, pages)


def test_the_edition_is_required_and_a_question_cannot_take_a_link_parameter_name(write_tree):
    document = copy.deepcopy(GOOD_TREE)
    del document["edition"]
    with pytest.raises(DataError, match=r"tree\.yml: edition: Field required"):
        decide.load_tree(*write_tree(document))
    document = copy.deepcopy(GOOD_TREE)
    document["questions"][1]["id"] = "outcome"
    document["questions"][0]["answers"][0]["next"] = "outcome"
    with pytest.raises(
        DataError, match=r"tree\.yml: questions\[outcome\]\.id: 'outcome' is a parameter of wizard"
    ):
        decide.load_tree(*write_tree(document))
