"""Check a curation or knowledge YAML document against its field specification.

The specifications are JSON Schemas in schemas/curation/ (one per file: type, enumeration, range
and shape of every field); jsonschema does the checking. This module only adds a YAML `date`
type, takes enumerations, patterns and ranges from the published table schemas (`x-column`), and
turns the first failure into one InputError naming file, record, field and fix.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError, relevance

from ..errors import InputError, show
from ..paths import SCHEMAS
from .schemas import table_schemas


def _is_date(_checker: Any, instance: Any) -> bool:
    return isinstance(instance, dt.date) and not isinstance(instance, dt.datetime)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("date", _is_date),
)

WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
    "date": "a date (YYYY-MM-DD, unquoted)",
}


def _from_columns(node: Any) -> None:
    """Fill every `x-column` node with the constraints of that published table field."""
    if isinstance(node, list):
        for x in node:
            _from_columns(x)
        return
    if not isinstance(node, dict):
        return
    if "x-column" in node:
        table, name = node["x-column"].split(".")
        field = next(f for f in table_schemas()[table].fields if f["name"] == name)
        c = field.get("constraints") or {}
        nullable = "null" in (node.get("type") or [])
        if "enum" in c:
            node["enum"] = list(c["enum"]) + ([None] if nullable else [])
        if "pattern" in c:
            node["pattern"] = f"^(?:{c['pattern']})\\Z"  # Frictionless patterns match the whole
        for k in ("minimum", "maximum"):
            if k in c:
                node[k] = c[k]
    for v in node.values():
        _from_columns(v)


@cache
def spec(name: str) -> dict[str, Any]:
    doc = json.loads((SCHEMAS / "curation" / f"{name}.json").read_text(encoding="utf-8"))
    doc = copy.deepcopy(doc)
    _from_columns(doc)
    return doc


@cache
def _validator(name: str) -> Any:
    # Formats are checked only where a spec asks (`"format": "regex"`: the pattern compiles).
    return _Validator(spec(name), format_checker=FormatChecker(formats=["regex"]))


def check(doc: Any, name: str, rel: str) -> None:
    """Raise InputError for the first record of `doc` that breaks spec `name`."""
    errors = list(_validator(name).iter_errors(doc))
    if not errors:
        return
    # The earliest record first (curators fix files top down), then the most telling error.
    def order(e: ValidationError) -> tuple[Any, ...]:
        path = list(e.absolute_path)
        idx = path[1] if len(path) > 1 and isinstance(path[1], int) else -1
        return (str(path[0]) if path else "", idx, relevance(e))

    err = min(errors, key=order)
    raise _as_input_error(err, doc, name, rel)


def _record(path: list[Any], doc: Any, name: str) -> tuple[str | None, list[Any]]:
    """The record's label and the path of the field inside it."""
    if not path:
        return None, []
    keys = spec(name).get("x-record", {})
    top = path[0]
    if top not in keys:  # a top-level field of the file: no record, the field says where
        return None, path
    if len(path) < 2 or not isinstance(path[1], int):
        return show(top, 40, quote=False), path[1:]
    entry = doc[top][path[1]]
    ident = keys[top]
    label = f"{top} entry {path[1] + 1}"
    if isinstance(entry, dict) and ident:
        parts = [entry.get(k) for k in ([ident] if isinstance(ident, str) else ident)]
        if all(isinstance(p, str) and p for p in parts):
            label = "#".join(parts)
    return show(label, 60, quote=False), path[2:]


def _as_input_error(err: ValidationError, doc: Any, name: str, rel: str) -> InputError:
    path = list(err.absolute_path)
    record, inner = _record(path, doc, name)
    field = ".".join(str(p) for p in inner) or None
    what = f"{field} " if field else ""
    node = err.schema if isinstance(err.schema, dict) else {}
    fix = node.get("x-fix")
    inst, kw = err.instance, err.validator
    if kw == "type":
        wanted = node.get("type")
        wanted = [wanted] if isinstance(wanted, str) else list(wanted or [])
        want = " or ".join(WORDS.get(w, w) for w in wanted)
        if not path:
            problem = f"the file holds {_kind(inst)}, not {want}"
            keys = ", ".join(node.get("required", [])) or "the fields"
            fix = fix or f"write a mapping with {keys} at the top (see the file's header)"
        else:
            problem = f"{what}is {_kind(inst)} {show(inst)}, not {want}"
        fix = fix or f"write {want}"
    elif kw == "enum":
        allowed = [str(v) for v in node.get("enum", []) if v is not None]
        problem = f"{what}{show(inst)} is not an allowed value"
        fix = fix or f"use one of: {', '.join(allowed)}"
    elif kw in ("minimum", "maximum"):
        bound = node[kw]
        problem = f"{what}{show(inst)} is {'below' if kw == 'minimum' else 'above'} {bound}"
        fix = fix or f"use a value {'>=' if kw == 'minimum' else '<='} {bound}"
    elif kw == "pattern":
        problem = f"{what}{show(inst)} is not in the expected form"
        fix = fix or f"match the pattern {node['pattern']}"
    elif kw == "minLength":
        problem = f"{what}is empty"
        fix = fix or "write a value, or remove the field if it is optional"
    elif kw == "maxLength":
        problem = f"{what}is longer than {node['maxLength']} characters"
        fix = fix or "shorten it"
    elif kw == "minItems":
        problem = f"{what}is an empty list"
        fix = fix or "give at least one item"
    elif kw == "required":
        missing = [k for k in node.get("required", []) if k not in inst]
        problem = f"missing field(s) {', '.join(missing)}" + (f" in {field}" if field else "")
        fix = "add them (see the comment at the top of the file)"
    elif kw == "additionalProperties":
        allowed = sorted(node.get("properties", {}))
        unknown = sorted(show(k, 30, quote=False) for k in inst if k not in allowed)
        problem = f"unknown field(s) {', '.join(unknown)}" + (f" in {field}" if field else "")
        fix = f"use only: {', '.join(allowed)}"
    elif kw == "format":
        problem = f"{what}{show(inst)} is not a valid {node['format']}"
        fix = fix or f"write a valid {node['format']}"
    else:
        problem = f"{what}is not valid ({kw})"
        fix = fix or "see the comment at the top of the file"
    return InputError(rel, record, problem, fix)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
