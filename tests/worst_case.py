"""The largest case the schema accepts, built from the JSON Schema: every list at its
maximum length, every text at its maximum length (as words), every optional field given.

Used by the size tests and by ``benchmarks/bench_worst_case.py``.
"""

from __future__ import annotations

import itertools
from typing import Any

import readmit_forms as rf
from conftest import SAMPLES

_counter = itertools.count()


def _words(length: int) -> str:
    """Distinct words ``wNNNNNN`` up to ``length`` characters."""
    words: list[str] = []
    used = 0
    while used + 8 <= length:
        words.append(f"w{next(_counter) % 1_000_000:06d}")
        used += 8
    return " ".join(words) or "w"


_BY_PATTERN = {
    "^[A-Z]{2}$": "KZ",
    "^[a-z]{2,3}$": "ru",
    "^([A-Z]{2}|stateless|unknown)$": "UZ",
    r"^(person|spouse|children\[\d+\])$": "person",
}


def _value(schema: dict[str, Any], defs: dict[str, Any], name: str) -> Any:
    if "$ref" in schema:
        return _value(defs[schema["$ref"].rsplit("/", 1)[1]], defs, name)
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return _value(options[0], defs, name)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return {
            key: _value(sub, defs, key)
            for key, sub in schema["properties"].items()
            if key not in ("holder",)
        }
    if kind == "array":
        count = schema.get("maxItems", 3)
        return [_value(schema["items"], defs, name) for _ in range(count)]
    if kind == "boolean":
        return True
    if kind == "integer":
        return min(170, schema.get("maximum", 170))  # a height in cm; a count at its limit
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date":
            return "2026-03-02"
        if fmt == "date-time":
            return "2026-03-02T10:00:00"
        if fmt == "time":
            return "10:30:00"
        if fmt == "path":
            return str(SAMPLES / "photos" / "specimen-portrait.jpg")
        if "pattern" in schema:
            return _BY_PATTERN[schema["pattern"]]
        return _words(schema.get("maxLength", 40))
    raise AssertionError(f"no value for {name}: {schema}")


def worst_case(agreement: str = "kz-at", states: tuple[str, str] = ("AT", "KZ")) -> dict[str, Any]:
    """The worst case the schema accepts, as a mapping (load it with `rf.load_case`)."""
    schema = rf.Case.model_json_schema()
    case: dict[str, Any] = _value(schema, schema["$defs"], "case")
    case["agreement"] = agreement
    case["requesting_state"], case["requested_state"] = states
    for section in ("transit", "handover"):
        case[section]["border_crossing_point"] = _words(500)
    return case
