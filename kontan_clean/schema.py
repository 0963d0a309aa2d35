"""The output schema: `output.schema.json` (JSON Schema 2020-12, shipped in the package) says
what `Article.to_dict()` and a batch's records (success and failure) hold; `batch_record`
makes those records. `arrow_type` turns a part of the schema into the matching Arrow type,
for writers that need one up front."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .batch import Failure

if TYPE_CHECKING:
    from .batch import Record, Result

SCHEMA_FILE = "output.schema.json"


@cache
def output_schema() -> dict[str, Any]:
    """The JSON Schema of kontan_clean's output, as a dict (`$defs`: `article`,
    `article_record`, `error_record`, `article_fields`)."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def article_fields() -> dict[str, dict[str, Any]]:
    """The schema of each key of `Article.to_dict()`, in output order."""
    fields: dict[str, dict[str, Any]] = output_schema()["$defs"]["article_fields"]["properties"]
    return fields


def arrow_type(node: dict[str, Any]) -> Any:
    """The pyarrow type for one node of the schema: strings and enums as string, numbers as
    float64, integers as int64, arrays as lists, objects as structs (keys in schema order).
    A node without a type (an input's `id`, which can be anything) becomes a string."""
    import pyarrow as pa

    kinds = node.get("type", "string")
    kind = next(k for k in ([kinds] if isinstance(kinds, str) else kinds) if k != "null") if kinds else "string"
    if kind == "array":
        return pa.list_(arrow_type(node["items"]))
    if kind == "object":
        return pa.struct([(name, arrow_type(sub)) for name, sub in node["properties"].items()])
    return {"string": pa.string(), "boolean": pa.bool_(), "integer": pa.int64(), "number": pa.float64()}[kind]


RECORD_HEAD = ("id", "input_url", "input_source", "error", "kind")
"""The keys a batch record has before the article's: the same on success and failure."""


def batch_record(record: Record, result: Result) -> dict[str, Any]:
    """One line of a batch's JSON Lines, with the same keys whatever the outcome (so that a
    table reader such as `datasets.Dataset.from_list` keeps every column): `id`,
    `input_url` and `input_source` (the URL and file the input gave), `error` and `kind`
    (None on success), then every key of `Article.to_dict()`, all None on failure except
    `url`, which is then the input's URL."""
    head = {"id": record.id, "input_url": record.url, "input_source": record.source}
    if isinstance(result, Failure):
        return {**head, "error": result.error, "kind": result.kind,
                **dict.fromkeys(article_fields()), "url": result.url}
    return {**head, "error": None, "kind": None, **result.to_dict()}


def record_arrow_schema() -> Any:
    """The `pyarrow.Schema` of a batch's records, to read JSON Lines with a schema fixed up
    front: `pyarrow.json.read_json(path, parse_options=ParseOptions(explicit_schema=...))`.
    Without it pyarrow types each block of the file on its own, and a block whose articles
    all lack a ticker (`market: []`) cannot be joined to one that has one."""
    import pyarrow as pa

    head = [(k, pa.string()) for k in RECORD_HEAD]
    return pa.schema(head + [(k, arrow_type(node)) for k, node in article_fields().items()])
