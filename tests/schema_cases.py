"""Cases drawn by hypothesis from the case JSON Schema (``readmit-forms schema``).

`case_strategy` walks the JSON Schema the library publishes, so every field a case
system sees is drawn: objects with any subset of their optional fields, lists up to a
few items, texts from the characters the schema accepts mixed with hostile strings,
long runs of words and (now and then) characters it refuses, dates in and out of their
ranges, codes that exist and codes that do not. It is much faster than
hypothesis-jsonschema on this schema (``test_fuzz.py`` uses that one too, for raw
schema-valid input) and draws richer cases.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from typing import Any

from hypothesis import strategies as st

import readmit_forms as rf
from readmit_forms._charset import PRINTABLE_RANGES

HOSTILE = [
    "O'Brien & <b>Sons</b> {{7*7}}",
    "{% raw %}",
    "{%p if x %}{{r x }}",
    "</w:t></w:r><w:r><w:t>",
    "<script>alert(1)</script>",
    "&amp; &lt; &#x41;",
    "\"double\" 'single' “curly”",
    "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі",
    "${x} %(x)s {0} \\n \\",
    "045612378",
    "Ñoño-Łódź Straße",
]
COUNTRIES = ["KZ", "AT", "BY", "HU", "FR", "UZ", "KG", "TJ", "RU", "DE", "GE", "TR", "CN"]
LANGUAGES = ["ru", "kk", "en", "uz", "ky", "de", "tg"]

_table_char = st.sampled_from(PRINTABLE_RANGES).flatmap(lambda r: st.integers(r[0], r[1])).map(chr)
_ascii_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzАБВГабвгӘәҚқ0123456789-", min_size=1,
                      max_size=12)  # fmt: skip


def _text(max_length: int, multiline: bool, hostile: bool) -> st.SearchStrategy[str]:
    chars = st.one_of(
        _table_char,
        st.sampled_from(list("{}%#<>&'\"_/\\!- ӘәҒғҚқ")),
        *([st.sampled_from(["\n", "\t"])] if multiline else []),
    )
    cap = min(max_length, 60)
    options = [
        st.sampled_from(HOSTILE),
        st.text(alphabet=chars, min_size=1, max_size=cap),
        st.lists(_ascii_word, min_size=1, max_size=max(1, min(max_length // 13, 400))).map(
            " ".join
        ),
    ]
    if hostile:
        options.append(st.text(min_size=1, max_size=8))  # anything: mostly refused
    return st.one_of(*options)


def _date(schema: dict[str, Any], hostile: bool) -> st.SearchStrategy[str]:
    first = dt.date.fromisoformat(schema.get("formatMinimum", "1900-01-01")[:10])
    last = dt.date.fromisoformat(schema.get("formatMaximum", "2100-12-31")[:10])
    inside = st.dates(first, last)
    outside = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    return (st.one_of(inside, outside) if hostile else inside).map(dt.date.isoformat)


def _strategy(
    schema: dict[str, Any], defs: dict[str, Any], name: str, hostile: bool
) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        return _strategy(defs[schema["$ref"].rsplit("/", 1)[1]], defs, name, hostile)
    if "anyOf" in schema:
        return st.one_of(*(_strategy(option, defs, name, hostile) for option in schema["anyOf"]))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(-5, 300)
    if kind == "array":
        low = schema.get("minItems", 0)
        high = max(low, min(schema.get("maxItems", 3), 3))
        return st.lists(
            _strategy(schema["items"], defs, name, hostile), min_size=low, max_size=high
        )
    if kind == "object" and "properties" in schema:
        required = set(schema.get("required", ()))
        props = {
            key: _strategy(sub, defs, key, hostile) for key, sub in schema["properties"].items()
        }
        return st.fixed_dictionaries(
            {k: v for k, v in props.items() if k in required},
            optional={k: v for k, v in props.items() if k not in required},
        )
    if kind == "object":  # per-language text
        text = _strategy(schema["additionalProperties"], defs, name, hostile)
        return st.dictionaries(st.sampled_from(["kk", "ru", "en"]), text, min_size=1, max_size=3)
    if kind == "string":
        fmt, pattern = schema.get("format"), schema.get("pattern")
        if fmt == "date":
            return _date(schema, hostile)
        if fmt == "date-time":
            return st.tuples(_date(schema, hostile), st.times()).map(
                lambda pair: f"{pair[0]}T{pair[1].isoformat('minutes')}"
            )
        if fmt == "time":
            return st.times().map(lambda t: t.isoformat("minutes"))
        if fmt == "path":
            return st.sampled_from(["photos/specimen-portrait.jpg", "missing.jpg", "/etc/passwd"])
        if pattern == "^[A-Z]{2}$":
            return st.sampled_from(COUNTRIES)
        if pattern and "stateless" in pattern:
            return st.sampled_from([*COUNTRIES, "stateless", "unknown"])
        if pattern == "^[a-z]{2,3}$":
            return st.sampled_from(LANGUAGES)
        if pattern:
            return st.from_regex(pattern, fullmatch=True)
        return _text(schema.get("maxLength", 500), schema.get("maxLength", 0) > 500, hostile)
    raise AssertionError(f"no strategy for {name}: {schema}")


@cache
def _schema_strategy(hostile: bool) -> st.SearchStrategy[dict[str, Any]]:
    schema: dict[str, Any] = rf.Case.model_json_schema()
    return _strategy(schema, schema["$defs"], "case", hostile)


@st.composite
def case_strategy(draw: st.DrawFn, agreement: str) -> dict[str, Any]:
    """A case for ``agreement`` (its parties as the two states, mostly)."""
    # the first option is the one hypothesis favours: clean cases, mostly
    hostile = draw(st.sampled_from([False, False, True]))  # out-of-range dates, bad characters
    case: dict[str, Any] = draw(_schema_strategy(hostile))
    case["agreement"] = agreement
    parties = list(rf.get_agreement(agreement).parties)
    if draw(st.sampled_from([True] * 9 + [False])):  # mostly the two Parties, either order
        first = draw(st.sampled_from(parties))
        case["requesting_state"] = first
        case["requested_state"] = next(p for p in parties if p != first)
    return case


@st.composite
def sample_strategy(draw: st.DrawFn, sample: dict[str, Any]) -> dict[str, Any]:
    """A sample case whose surname, given name, document number and notes are drawn."""
    case = copy.deepcopy(sample)
    text = _text(500, False, hostile=False)
    case["person"]["surnames"] = [draw(text)]
    case["person"]["given_names"] = draw(st.lists(text, max_size=2))
    for document in case.get("documents", []):
        document["number"] = draw(text)
    case["notes"] = draw(_text(20_000, True, hostile=False))
    return case
