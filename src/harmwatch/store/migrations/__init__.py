"""Alembic migrations of the harmwatch schema (run through ``harmwatch db upgrade``)."""
