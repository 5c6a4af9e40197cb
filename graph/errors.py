"""Errors a person can act on. The CLI prints them as one line; the API maps them to 4xx."""


class UserError(Exception):
    """Bad input or a request that cannot be served; the message says what and why."""


class NotFound(UserError):
    """An id that names nothing in the graph."""

    def __init__(self, label: str, id: str):
        super().__init__(f"no {label} with id {id!r}")
        self.label, self.id = label, id
