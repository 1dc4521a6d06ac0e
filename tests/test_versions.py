"""The versions the site prints are the ones each stack installs from `uv.lock`."""

import sys
from importlib import metadata

import pytest

from guide import versions


def write_lock(path, entries: str):
    path.write_text('version = 1\nrequires-python = ">=3.13"\n\n' + entries, encoding="utf-8")
    return path


def test_a_forked_package_reads_the_version_for_this_python(tmp_path):
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    lock = write_lock(
        tmp_path / "uv.lock",
        f"""[[package]]
name = "forked"
version = "2.0"
resolution-markers = ["python_full_version >= '3.99'"]

[[package]]
name = "forked"
version = "1.0"
resolution-markers = ["python_full_version == '{here}.*'"]

[[package]]
name = "plain"
version = "3.0"
""",
    )
    assert versions.version("forked", lock) == "1.0"
    assert versions.version("plain", lock) == "3.0"


STACKED_LOCK = """[[package]]
name = "framework-guide"
version = "0.1.0"

[package.dev-dependencies]
django-current = [{ name = "django", version = "6.1.3" }]
django-lts = [{ name = "django", version = "5.2.19" }]

[[package]]
name = "django"
version = "5.2.19"

[[package]]
name = "django"
version = "6.1.3"

[[package]]
name = "flask"
version = "3.1.3"
"""


def test_each_stack_reads_the_django_its_group_pins(tmp_path):
    lock = write_lock(tmp_path / "uv.lock", STACKED_LOCK)
    assert versions.version("django", lock, "current") == "6.1.3"
    assert versions.version("django", lock, "lts") == "5.2.19"
    assert versions.version("flask", lock, "lts") == "3.1.3"


def test_a_package_locked_twice_without_a_group_pin_is_an_error(tmp_path):
    lock = write_lock(
        tmp_path / "uv.lock",
        STACKED_LOCK.replace('django-lts = [{ name = "django", version = "5.2.19" }]', ""),
    )
    with pytest.raises(
        versions.VersionError,
        match="django is locked at several versions and the dependency group 'django-lts' pins none",
    ):
        versions.version("django", lock, "lts")


def test_an_unknown_stack_is_named_in_the_error(tmp_path):
    with pytest.raises(versions.VersionError, match="no stack named 'edge'; known: current, lts"):
        versions.version("django", stack_name="edge")


def test_the_real_lock_holds_django_6_1_and_the_5_2_lts():
    assert versions.version("django", stack_name="current").startswith("6.1.")
    assert versions.version("django", stack_name="lts").startswith("5.2.")
    assert versions.differs("django")
    assert not versions.differs("flask")


def test_python_version_file_errors_name_the_file(tmp_path):
    with pytest.raises(versions.VersionError, match=r"^\.python-version is missing"):
        versions.python_version(tmp_path / ".python-version")
    (tmp_path / ".python-version").write_text("\n", encoding="utf-8")
    with pytest.raises(versions.VersionError, match=r"^\.python-version is empty"):
        versions.python_version(tmp_path / ".python-version")


def test_this_interpreter_is_the_one_python_version_names():
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == versions.python_version()


def test_every_installed_package_is_at_its_locked_version():
    stack = versions.installed_stack()
    mismatched = {}
    for name, locked in versions.locked_versions(stack_name=stack.name).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        if installed != locked:
            mismatched[name] = f"locked {locked}, installed {installed}"
    assert mismatched == {}
