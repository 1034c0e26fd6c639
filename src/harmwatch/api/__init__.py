"""api stage."""

__all__: list[str] = []
