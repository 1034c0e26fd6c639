"""docs/review.md explains every grade, role and permission the code knows."""

from __future__ import annotations

from pathlib import Path

from harmwatch import vocab
from harmwatch.review import PERMISSIONS

DOC = Path(__file__).resolve().parents[2] / "docs" / "review.md"


def test_every_grade_role_and_permission_is_explained() -> None:
    text = DOC.read_text(encoding="utf-8")
    for grade in vocab.GRADES:
        assert f"- `{grade}`:" in text, f"grade {grade} is not explained"
    for role in vocab.ROLES:
        assert role in text
    for permission in PERMISSIONS:
        assert f"| `{permission}`" in text, f"permission {permission} is not in the table"
