"""The one error parsing raises: its message is a single line a person can act on."""


class ParseError(ValueError):
    """A file could not be read as papers; str(error) says which file and why, in one line."""
