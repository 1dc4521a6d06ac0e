"""The versions the site prints are the ones this interpreter installs from `uv.lock`."""

import sys
from importlib import metadata

from guide import versions


def write_lock(path, entries: str):
    path.write_text('version = 1\nrequires-python = ">=3.11"\n\n' + entries, encoding="utf-8")
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


def test_every_installed_package_is_at_its_locked_version():
    mismatched = {}
    for name, locked in versions.locked_versions().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        if installed != locked:
            mismatched[name] = f"locked {locked}, installed {installed}"
    assert mismatched == {}
