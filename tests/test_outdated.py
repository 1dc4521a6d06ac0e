"""`make outdated` reports what is behind without touching the network in tests."""

from guide.devtools import outdated
from guide.devtools.outdated import Row


def test_the_report_says_what_to_do_for_each_package():
    report = outdated.format_report(
        [
            Row("flask", "both", "3.1.2", "3.1.3", "3.1.3"),
            Row("django", "lts", "5.2.19", "5.2.19", "6.1.3"),
            Row("fastapi", "both", "0.165.0", "0.165.0", "0.165.0"),
        ]
    )
    lines = report.splitlines()
    assert lines[1].split() == [
        "flask",
        "both",
        "3.1.2",
        "3.1.3",
        "3.1.3",
        "behind:",
        "uv",
        "lock",
        "--upgrade-package",
        "flask",
    ]
    assert lines[2].endswith("newer release outside pyproject.toml's range")
    assert lines[3].split() == ["fastapi", "both", "0.165.0", "0.165.0", "0.165.0"]
    assert lines[-1].startswith(
        "1 of 3 locked packages are behind the newest release their range allows; 1 more"
    )


def test_every_reported_group_exists_in_pyproject():
    groups = outdated.requirements()
    assert set(groups) == {"docs", "frameworks", "django-current", "django-lts"}
    assert any(requirement.name == "django" for requirement in groups["django-lts"])
