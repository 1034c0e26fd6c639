"""publish stage."""

__all__: list[str] = []
