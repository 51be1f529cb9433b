"""The files a user looks for: the version, the citation, the security policy, how to contribute.

The version comes from the package's metadata (``complaintcode --version``);
``CITATION.cff`` names the same one. ``SECURITY.md`` says how to report a
vulnerability and what is in scope; ``CONTRIBUTING.md`` says how a provision's
rule, test and docs line are added, with commands and paths that exist.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

from complaintcode._version import UNKNOWN, version

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_the_package_metadatas() -> None:
    """The version read when asked is the installed distribution's."""
    assert version() == importlib.metadata.version("complaintcode")
    assert UNKNOWN == "0+unknown"


def test_importing_the_package_does_not_read_the_version() -> None:
    """``import complaintcode`` leaves the version module unloaded: it is read only when asked."""
    code = "import sys, complaintcode; print('complaintcode._version' in sys.modules)"
    out = subprocess.run(  # noqa: S603  # our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout == "False\n"


def test_the_citation_names_the_packages_version() -> None:
    """CITATION.cff's version is the one pyproject.toml gives the package."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert text.startswith("cff-version: 1.2.0\n")
    cited = re.search(r'^version: "(.+)"$', text, flags=re.MULTILINE)
    project = re.search(
        r'^version = "(.+)"$', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert cited is not None
    assert project is not None
    assert cited[1] == project[1]
    for key in ("title", "authors", "license", "repository-code", "message", "type"):
        assert re.search(rf"^{key}:", text, flags=re.MULTILINE), key


def test_the_security_policy_says_how_to_report_and_what_is_in_scope() -> None:
    """SECURITY.md: a private way to report, and the parsing of untrusted records and forms."""
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for heading in ("## Reporting a vulnerability", "## In scope", "## Out of scope"):
        assert heading in text
    assert "Report a" in text
    assert "vulnerability" in text
    assert "**Parsing untrusted records**" in text
    assert "**Parsing untrusted forms**" in text


def test_contributing_names_paths_and_scripts_that_exist() -> None:
    """CONTRIBUTING.md: every repository path it names exists, and its --write scripts do."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:src|tests|docs|examples|benchmarks)/[\w./-]+)`", text))
    paths |= set(re.findall(r"python ((?:tests|examples)/[\w./]+\.py)", text))
    assert paths
    assert sorted(p for p in paths if not (ROOT / p.rstrip("/")).exists()) == []
    for step in ("**The provision.**", "**The rule.**", "**The test.**", "**The docs line.**"):
        assert step in text
