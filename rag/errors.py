"""Domain errors. The library raises these with one line that says what to do; the CLI and UI print it."""


class RagError(Exception):
    """Base of every error a user can act on."""


class StoreError(RagError):
    """The vector store or the local index snapshot cannot be used."""


class IngestError(RagError):
    """A path or file given to ingest cannot be read."""


class QueryError(RagError):
    """A question or search cannot be run as given (empty, unknown filter, ...)."""


class NotIndexedError(RagError):
    """Nothing has been ingested yet for the current settings."""
