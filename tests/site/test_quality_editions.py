"""Editions: mike publishes dated, immutable editions with a `latest` alias.

Local builds have no version selector, so they request no (missing) versions.json.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from guide import ROOT

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
MIKE = Path(sys.executable).with_name("mike")


def material_config(html: str) -> dict:
    return json.loads(CONFIG.search(html).group(1))


def test_local_build_has_no_version_selector(site_dir):
    """Without mike's versions.json the selector would request a missing file and log a console error."""
    assert material_config((site_dir / "index.html").read_text(encoding="utf-8"))["version"] is None


def test_ci_deploys_editions_only_after_test_and_build():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    deploy = workflow["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"test", "build"}
    assert deploy["permissions"]["contents"] == "write"
    assert any("make edition" in step.get("run", "") for step in deploy["steps"])


FIXTURE_CONFIG = """\
site_name: Fixture
site_url: http://127.0.0.1/
theme:
  name: material
  font: false
plugins:
  - mike:
      canonical_version: latest
      version_selector: !ENV [VERSION_SELECTOR, false]
extra:
  version:
    provider: mike
    default: latest
"""


def git(repo: Path, *args: str) -> str:
    environment = {
        "PATH": f"{MIKE.parent}:/usr/bin:/bin",
        "HOME": str(repo),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "VERSION_SELECTOR": "true",
    }
    result = subprocess.run(
        args, cwd=repo, capture_output=True, text=True, timeout=120, env=environment, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_mike_publishes_dated_editions_with_latest_alias(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Edition one\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    git(tmp_path, "git", "init", "-q", "-b", "main")
    git(tmp_path, "git", "add", ".")
    git(tmp_path, "git", "commit", "-q", "-m", "one")
    git(tmp_path, str(MIKE), "deploy", "--update-aliases", "2026-11-22", "latest")
    git(tmp_path, str(MIKE), "set-default", "latest")
    first = git(tmp_path, "git", "show", "gh-pages:2026-11-22/index.html")
    assert material_config(first)["version"]["provider"] == "mike"

    (tmp_path / "docs" / "index.md").write_text("# Edition two\n", encoding="utf-8")
    git(tmp_path, "git", "commit", "-q", "-am", "two")
    git(tmp_path, str(MIKE), "deploy", "--update-aliases", "2026-11-23", "latest")

    versions = json.loads(git(tmp_path, "git", "show", "gh-pages:versions.json"))
    aliases = {entry["version"]: entry["aliases"] for entry in versions}
    assert aliases == {"2026-11-23": ["latest"], "2026-11-22": []}
    assert git(tmp_path, "git", "show", "gh-pages:2026-11-22/index.html") == first
    assert "Edition two" in git(tmp_path, "git", "show", "gh-pages:2026-11-23/index.html")
    assert "latest" in git(tmp_path, "git", "show", "gh-pages:index.html")
