"""The media types of paged documents, apart from their readers (which load PDFium and
python-docx, slow to import: only a PDF or a Word file needs them)."""

from __future__ import annotations

__all__ = ["DOCX", "PDF"]

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
