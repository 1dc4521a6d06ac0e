"""A small decision tree for tests: two questions, two outcomes."""

GOOD_TREE = {
    "edition": 1,
    "start": "q1",
    "questions": [
        {
            "id": "q1",
            "short": "First",
            "text": "First question?",
            "answers": [
                {"id": "a", "label": "A", "reason": "Because A.", "next": "q2"},
                {"id": "b", "label": "B", "reason": "Because B.", "next": "out-b"},
            ],
        },
        {
            "id": "q2",
            "short": "Second",
            "text": "Second question?",
            "answers": [
                {"id": "yes", "label": "Yes", "reason": "Because yes.", "next": "out-a"},
                {"id": "no", "label": "No", "reason": "Because no.", "next": "out-b"},
            ],
        },
    ],
    "outcomes": [
        {
            "id": out,
            "title": f"Outcome {out}",
            "summary": "Summary.",
            "recommendation": "Recommendation.",
            "alternative": {"title": "Other", "text": "Other text."},
            "changes": ["A change."],
            "consequences": ["A consequence."],
            "snippets": ["snippets/hello/flask_app.py"],
            "evidence": {"tasks": ["hello"], "benchmarks": ["results"]},
        }
        for out in ("out-a", "out-b")
    ],
}
