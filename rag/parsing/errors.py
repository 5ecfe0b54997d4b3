"""The one error parsing raises: its message is a single line a person can act on."""

from rag.errors import RagError


class ParseError(RagError, ValueError):  # ValueError too, for callers that caught it as one
    """A file could not be read as papers; str(error) says which file and why, in one line."""
