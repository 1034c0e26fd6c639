"""store stage."""

__all__: list[str] = []
