"""link stage."""

__all__: list[str] = []
