"""Layering and error-family rules a maintainer relies on (issue 12): cheap, in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rag.config import PROJECT_ROOT
from rag.errors import RagError
from rag.parsing import ParseError, parse_file


def _python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_library_cli_does_not_import_the_ui_layer():
    assert _python("import sys, rag.cli; print(sorted(m for m in sys.modules if m == 'ui' or m.startswith('ui.')))") \
        == "[]"


def test_the_ui_command_still_loads_when_named():
    out = subprocess.run([sys.executable, "-m", "rag.cli", "ui", "--help"], cwd=PROJECT_ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "--host" in out.stdout and "browser" in out.stdout
    listing = subprocess.run([sys.executable, "-m", "rag.cli", "--help"], cwd=PROJECT_ROOT, capture_output=True,
                             text=True, timeout=120).stdout
    assert "\n  ui " in listing


def test_parse_errors_are_rag_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(RagError, match="empty") as caught:  # what the CLI and UI catch to print one line
        parse_file(empty)
    assert isinstance(caught.value, ParseError)
