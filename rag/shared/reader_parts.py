"""What a reader of the shared library pulls from the server: enough to search, never the passages' texts.

A writer publishes, besides the full catalog other writers merge into (rag/shared/remote.py), three kinds:
- `catalog`: the papers without their full texts (`body`; `blocks` keep their places, and of their text only the
  sentences that print a web address: rag/catalog_links.link_blocks): what filters, the planner and the author
  matcher read;
- `ids`: one short line per live passage, in the snapshot's order: chunk id, paper id, position, kind,
  token count and the length of the title lead (so `passage` is cut from the stored document);
- `sparse`: the BM25 index in shards (rag/shared/sparse.py), a tar file as base64 lines.
A reader writes them into a folder of plain files (`write_reader_copy`) and opens it with
rag/shared/lean.py; passage texts come by id from the vector collection's documents, when shown.
"""

from __future__ import annotations

import base64
import io
import json
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from rag.catalog_links import link_blocks
from rag.records import Chunk, Paper
from rag.shared import sparse

READER_KINDS = ("catalog", "ids", "sparse")
READER_FORMAT = 1
KIND_CODES = ("header", "abstract", "body", "table", "references")  # Chunk.kind as a small integer
ID_FILES = ("ids", "paper_rows", "positions", "kinds", "tokens", "leads")


def has_reader_parts(pointer: dict) -> bool:
    """Whether the published snapshot carries the reader's kinds (snapshots of older writers do not)."""
    return all(f"parts_{kind}" in pointer for kind in READER_KINDS)


def reader_texts(papers: list[Paper], chunks: list[Chunk]) -> dict[str, str]:
    """The reader's kinds as texts of whole lines (the publisher splits them into parts)."""
    catalog = "".join(p.model_copy(update={"body": "", "blocks": link_blocks(p)}).model_dump_json() + "\n" for p in papers)
    ids = "".join(f"{c.chunk_id}\t{c.paper_id}\t{c.position}\t{c.kind}\t{c.token_count}\t{len(c.text) - len(c.passage)}\n"
                  for c in chunks)
    with tempfile.TemporaryDirectory(prefix="rag-sparse-") as tmp:
        folder = Path(tmp) / "sparse"
        sparse.build(folder, ((c.chunk_id, c.text) for c in chunks))
        packed = io.BytesIO()
        with tarfile.open(fileobj=packed, mode="w") as tar:
            tar.add(folder, arcname="sparse")
    return {"catalog": catalog, "ids": ids, "sparse": base64.encodebytes(packed.getvalue()).decode("ascii")}


def write_reader_copy(folder: Path, parts: dict[str, Iterable[str]], params: dict) -> None:
    """Materialise the reader's kinds (iterables of parts, streamed: nothing is held whole) into `folder`."""
    folder.mkdir(parents=True)
    with open(folder / "papers.jsonl", "w", encoding="utf-8") as handle:
        for part in parts["catalog"]:
            handle.write(part)
    _write_ids(folder, parts["ids"])
    with tempfile.TemporaryFile() as packed:
        for part in parts["sparse"]:
            packed.write(base64.decodebytes(part.encode("ascii")))  # parts hold whole 76-character lines
        packed.seek(0)
        with tarfile.open(fileobj=packed, mode="r") as tar:
            tar.extractall(folder, filter="data")
    sizes = {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()}
    (folder / "params.json").write_text(json.dumps(params | {"format": "reader", "reader_format": READER_FORMAT,
                                                             "sizes": sizes}))


def _write_ids(folder: Path, parts: Iterable[str]) -> None:
    """ids.npy (bytes), paper_rows.npy (index into paper_ids.json), positions, kinds, tokens, leads: one row per
    passage. Converted part by part, so a million passages never exist as a million Python strings."""
    columns: list[list[np.ndarray]] = [[] for _ in range(6)]
    paper_index: dict[str, int] = {}
    rest = ""
    for part in parts:
        lines = (rest + part).split("\n")
        rest = lines.pop()
        if not lines:
            continue
        fields = [line.split("\t") for line in lines]
        columns[0].append(np.array([f[0] for f in fields], dtype="S"))
        columns[1].append(np.array([paper_index.setdefault(f[1], len(paper_index)) for f in fields], dtype=np.int32))
        columns[2].append(np.array([int(f[2]) for f in fields], dtype=np.int32))
        columns[3].append(np.array([KIND_CODES.index(f[3]) for f in fields], dtype=np.uint8))
        columns[4].append(np.array([int(f[4]) for f in fields], dtype=np.int32))
        columns[5].append(np.array([int(f[5]) for f in fields], dtype=np.int32))
    empty = (np.array([], dtype="S1"),) + tuple(np.array([], dtype=t) for t in (np.int32, np.int32, np.uint8, np.int32, np.int32))
    for name, pieces, blank in zip(ID_FILES, columns, empty):
        np.save(folder / f"{name}.npy", np.concatenate(pieces) if pieces else blank)
    (folder / "paper_ids.json").write_text(json.dumps(list(paper_index)))
    np.save(folder / "order.npy", np.argsort(np.load(folder / "ids.npy"), kind="stable"))  # for lookups by id
