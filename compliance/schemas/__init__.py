"""JSON Schemas of the output contracts, generated from the pydantic models and committed beside this file.

Regenerate after changing a model: `python -m compliance.schemas` (a test fails while they differ).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def document_schema() -> dict[str, Any]:
    """Schema of `compliance parse --format json`: {"document": …, "tree": …, "warnings": […]}."""
    from ..models import Document

    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "document.schema.json"
    return schema


def findings_schema() -> dict[str, Any]:
    """Schema of `compliance check --format json` and a report's findings.json."""
    from ..models import FindingsReport

    schema = FindingsReport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "findings.schema.json"
    return schema


def diff_schema() -> dict[str, Any]:
    """Schema of `compliance diff --format json`."""
    from ..diff.models import diff_schema as make

    return make()


SCHEMAS = {
    "document.schema.json": document_schema,
    "findings.schema.json": findings_schema,
    "diff.schema.json": diff_schema,
}


def write_all() -> list[Path]:
    written = []
    for name, make in SCHEMAS.items():
        path = HERE / name
        path.write_text(json.dumps(make(), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written

