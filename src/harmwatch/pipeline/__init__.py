"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.
"""

from __future__ import annotations

__all__: list[str] = []
