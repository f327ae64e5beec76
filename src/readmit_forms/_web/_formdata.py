"""The posted editor → case data, and the editor's buttons (add, remove, split, join).

Three shapes of the same case travel here (see ``_form``): the *posted* form (a flat
list of name and text), the *editor data* (nested, empty inputs kept) and the *case
data* (empty inputs dropped, numbers and yes/no typed, ready for
`readmit_forms.load_case`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._form import LANGS, OTHER, PICK, PRESENT, Shape, case_schema, shape, tokens

__all__ = ["apply_action", "case_data", "parse_form", "shape_at"]


# -- posted form → editor data -------------------------------------------------------------


def _listify(node: Any) -> Any:
    if isinstance(node, dict):
        if node and all(isinstance(k, int) for k in node):
            return [_listify(node[k]) for k in sorted(node)]
        resolved = {k: _listify(v) for k, v in node.items()}
        if PICK in resolved:  # a border crossing point: an id of the agreement, or a name
            pick = resolved.pop(PICK)
            if pick == OTHER:
                named = resolved.get("", resolved)
                return named if named else {}
            return pick
        if "" in resolved and set(resolved) <= {"", PRESENT}:
            return resolved[""]
        resolved.pop(PRESENT, None)
        return resolved
    return node


def parse_form(items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The editor data of a posted editor (names are field paths; ``_…`` names skipped)."""
    root: dict[Any, Any] = {}
    for name, text in items:
        if not name or name.startswith("_"):
            continue
        parts = tokens(name)
        if not parts or "".join(str(p) for p in parts) != re.sub(r"[.\[\]]", "", name):
            continue  # not a field path
        node = root
        for part, following in zip(parts, [*parts[1:], None], strict=True):
            if following is None:
                if part == PRESENT:
                    break
                existing = node.get(part)
                if isinstance(existing, dict):  # "x" and "x.kk" both given: keep both
                    existing[""] = text
                else:
                    node[part] = text
            else:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = {} if child is None else {"": child}
                    node[part] = child
                node = child
    result: dict[str, Any] = _listify(root)
    return result


# -- editor data → case data -----------------------------------------------------------------


def _clean(node: Mapping[str, Any], value: Any, name: str, depth: int) -> Any:
    found = shape(node, name)
    kind = found.kind
    if kind == "group":
        if not isinstance(value, Mapping):
            return None
        props: Mapping[str, Any] = found.node.get("properties", {})
        out = {}
        for key, sub in props.items():
            cleaned = _clean(sub, value.get(key), key, depth + 1)
            if cleaned is not None:
                out[key] = cleaned
        for key in value:  # a field the schema does not have: let the schema say so
            if key not in props:
                out[key] = value[key]
        explicit = depth == 1
        return out if (out or explicit) else None
    if kind == "list":
        if not isinstance(value, list):
            return None
        items = found.node.get("items", {})
        cleaned_items = [_clean(items, v, "", depth + 1) for v in value]
        if shape(items).kind == "group":
            return [v if v is not None else {} for v in cleaned_items] or None
        return [v for v in cleaned_items if v is not None] or None
    if value is None:
        return None
    if kind in ("loc-line", "loc-text", "bcp"):
        if isinstance(value, Mapping):
            texts = {k: _text(v, kind) for k, v in value.items()}
            kept = {k: v for k, v in texts.items() if v is not None}
            return kept or None
        return _text(value, kind)
    if kind == "int":
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value
        text = str(value).strip()
        return int(text) if text.isdigit() else (text or None)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        return {"on": True, "true": True, "false": False}.get(str(value).lower())
    if kind == "tristate":
        return {"true": True, "false": False}.get(str(value).lower()) if value != "" else None
    if isinstance(value, str):
        return _text(value, kind)
    return value


def _text(value: Any, kind: str) -> Any:
    if not isinstance(value, str):
        return value
    if kind.endswith("text"):
        value = value.replace("\r\n", "\n")
    return value if value.strip() else None


def case_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case data of editor ``data``: empty inputs dropped, numbers and yes/no typed."""
    schema = case_schema()
    props: Mapping[str, Any] = schema["properties"]
    out: dict[str, Any] = {}
    for key, node in props.items():
        cleaned = _clean(node, data.get(key), key, 1)
        if cleaned is not None:
            out[key] = cleaned
    for key in data:
        if key not in props:
            out[key] = data[key]
    return out


# -- actions on the editor data ---------------------------------------------------------------


def shape_at(path: str) -> Shape:
    """What the schema says the value at ``path`` is; `KeyError` for a path it lacks."""
    found = Shape("group", case_schema(), "Case")
    for part in tokens(path):
        if isinstance(part, int):
            if found.kind != "list":
                raise KeyError(path)
            found = shape(found.node.get("items", {}))
        else:
            if found.kind != "group":
                raise KeyError(path)
            found = shape(found.node["properties"][part], part)
    return found


def _parent(data: Any, path: str, create: bool = False) -> tuple[Any, str | int] | None:
    parts = tokens(path)
    node = data
    for part in parts[:-1]:
        try:
            nxt = node[part]
        except (KeyError, IndexError, TypeError):
            if not create or not isinstance(node, dict):
                return None
            nxt = node[part] = {}
        node = nxt
    return node, parts[-1]


def _blank(found: Shape) -> Any:
    """A new, empty value of ``found``: a group starts with one line of each required list."""
    if found.kind == "group":
        needed = set(found.node.get("required", ()))
        props: Mapping[str, Any] = found.node.get("properties", {})
        return {
            key: [_blank(shape(sub.get("items", {})))]
            for key, sub in props.items()
            if key in needed and shape(sub, key).kind == "list"
        }
    return {} if found.kind.startswith("loc") else ""


def apply_action(data: dict[str, Any], action: str, ui_lang: str) -> dict[str, Any]:
    """Apply an editor button to ``data``: ``add:PATH``, ``remove:PATH``, ``split:PATH``
    (a text for every language → one per language), ``join:PATH`` (the reverse)."""
    verb, _, path = action.partition(":")
    if verb not in ("add", "remove", "split", "join") or not path:
        return data
    try:
        found = shape_at(path)
    except (KeyError, ValueError):
        return data
    spot = _parent(data, path, create=verb == "add")
    if spot is None:
        return data
    holder, key = spot
    if verb == "add":
        if found.kind == "list":
            current = holder.get(key) if isinstance(holder, dict) else None
            items = current if isinstance(current, list) else []
            items.append(_blank(shape(found.node.get("items", {}))))
            holder[key] = items
        elif found.kind == "group" and isinstance(holder, dict):
            holder.setdefault(key, _blank(found))
    elif verb == "remove":
        if isinstance(holder, list) and isinstance(key, int) and key < len(holder):
            del holder[key]
        elif isinstance(holder, dict):
            holder.pop(key, None)
    else:
        try:
            value = holder[key]
        except (KeyError, IndexError, TypeError):
            return data
        if verb == "split" and isinstance(value, str):
            holder[key] = dict.fromkeys(LANGS, value)
        elif verb == "join" and isinstance(value, Mapping):
            texts = [value.get(ui_lang), *(value.get(lang) for lang in LANGS)]
            holder[key] = next((t for t in texts if t), "")
    return data
