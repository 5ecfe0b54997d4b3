"""What names an index: a hash of everything that shaped its vectors and chunks.

A changed embedder, chunker, chunk size or record schema gives a new name, so a new collection
and snapshot are built beside the old ones instead of mixing with them.
"""

from __future__ import annotations

import hashlib
import json

from rag.chunking import CHUNKER_VERSION
from rag.config import Settings

# Bump when Paper/Chunk or the parsers change in a way that changes what gets indexed.
SCHEMA_VERSION = 2


def index_params(settings: Settings, embedder_id: str) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "embedder": embedder_id,
        "chunker": CHUNKER_VERSION,
        "chunk_max_tokens": settings.chunking.max_tokens,
        "chunk_overlap_sentences": settings.chunking.overlap_sentences,
        "full_text_max_tokens": settings.chunking.full_text_max_tokens,
        "full_text_overlap_sentences": settings.chunking.full_text_overlap_sentences,
    }


def index_name(settings: Settings, embedder_id: str) -> str:
    digest = hashlib.sha1(json.dumps(index_params(settings, embedder_id), sort_keys=True).encode()).hexdigest()
    return f"papers-{digest[:12]}"
