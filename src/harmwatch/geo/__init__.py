"""geo stage."""

__all__: list[str] = []
