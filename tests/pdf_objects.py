"""Small valid PDFs for parser tests: numbered objects and the cross-reference table their offsets need."""

from __future__ import annotations


def literal(text: str) -> str:
    """A PDF string literal: backslashes and parentheses escaped."""
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def assemble(objects: list[str], info: str = "") -> bytes:
    """Objects 1..n (1 is the catalog), then the xref table and a trailer; `info` is ' /Info N 0 R' or ''."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
