"""Who may open the UI: nobody but this machine by default; on another interface, only with a password."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

from rag.errors import RagError


class UIError(RagError):
    """The UI cannot start as asked (unsafe host without credentials, port in use, ...)."""


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_credentials(text: str, where: str) -> list[tuple[str, str]]:
    """'user:password' lines (blank lines and # comments skipped)."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise UIError(f"{where}, line {number}: expected user:password")
        pairs.append((user.strip(), password))
    return pairs


def auth_for(host: str, environ: dict | None = None) -> list[tuple[str, str]] | None:
    """None on a loopback host; else the credentials from RAG_UI_AUTH or RAG_UI_AUTH_FILE, or a UIError."""
    environ = os.environ if environ is None else environ
    if is_loopback(host):
        return None
    pairs: list[tuple[str, str]] = []
    if environ.get("RAG_UI_AUTH"):
        pairs = parse_credentials(environ["RAG_UI_AUTH"], "RAG_UI_AUTH")
    elif environ.get("RAG_UI_AUTH_FILE"):
        path = Path(environ["RAG_UI_AUTH_FILE"]).expanduser()
        try:
            pairs = parse_credentials(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise UIError(f"RAG_UI_AUTH_FILE {path} cannot be read ({exc.strerror or exc})") from None
    if not pairs:
        raise UIError(f"--host {host} would open the UI beyond this machine without a password — set "
                      "RAG_UI_AUTH=user:password (or RAG_UI_AUTH_FILE=path), or keep the default 127.0.0.1")
    return pairs
