"""The data dictionary (Markdown), generated from the table schemas and the built tables.

Every table with its title, description, keys and row count, and every column with its type,
whether it is required, its constraints, its description and an example value: the schema's
own `example` if it has one, else the first non-null value in the table.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..pipeline.schemas import TableSchema, is_text_code, text_code_columns

EXAMPLE_CHARS = 60
TYPE_NAMES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
              "date": "date (YYYY-MM-DD)", "array": "array of strings (JSON in CSV)"}


def _cell(text: str) -> str:
    """Make text safe inside one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(text: str) -> str:
    text = " ".join(str(text).split())
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def _truncate(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _format_value(value: Any, ftype: str) -> str:
    if ftype == "array":
        return json.dumps(list(value), ensure_ascii=False)
    if ftype == "date":
        return pd.Timestamp(value).date().isoformat()
    if ftype == "integer":
        return str(int(value))
    if ftype == "number":
        return repr(float(value))
    if ftype == "boolean":
        return "true" if value else "false"
    return str(value)


def example_value(field: dict[str, Any], df: pd.DataFrame | None) -> str | None:
    """The field's schema example, else the first non-null (non-empty for arrays) value."""
    if "example" in field:
        return _truncate(str(field["example"]))
    if df is None or field["name"] not in df.columns:
        return None
    for value in df[field["name"]]:
        if field["type"] == "array":
            if isinstance(value, (list, tuple)) and len(value):
                return _truncate(_format_value(value, "array"))
        elif not pd.isna(value):
            return _truncate(_format_value(value, field["type"]))
    return None


TEXT_CODE = "**text code: read as a string** (digits with leading zeros)"


def constraints_text(field: dict[str, Any]) -> str:
    c = field.get("constraints") or {}
    parts = [TEXT_CODE] if is_text_code(field) else []
    if c.get("unique"):
        parts.append("unique")
    if c.get("enum") is not None:
        parts.append("one of " + ", ".join(_code(v) for v in c["enum"]))
    if "minimum" in c:
        parts.append(f"minimum {c['minimum']}")
    if "maximum" in c:
        parts.append(f"maximum {c['maximum']}")
    if "minLength" in c:
        parts.append(f"at least {c['minLength']} characters")
    if "maxLength" in c:
        parts.append(f"at most {c['maxLength']} characters")
    if "pattern" in c:
        parts.append("matches " + _code(c["pattern"]))
    if field.get("format") and field["format"] != "default":
        parts.append(f"format {field['format']}")
    return "; ".join(parts)


def _keys(schema: TableSchema) -> list[str]:
    out = []
    pk = schema.primary_key
    out.append("- Primary key: " + (", ".join(f"`{k}`" for k in pk) if pk else "none"))
    fks = schema.foreign_keys
    if not fks:
        out.append("- Foreign keys: none")
    for fk in fks:
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        target = ref.get("resource") or schema.name
        out.append(f"- Foreign key: {', '.join(f'`{f}`' for f in fields)} → "
                   f"[{target}](#{target}).{', '.join(f'`{f}`' for f in ref_fields)}")
    return out


def data_dictionary(schemas: Mapping[str, TableSchema], tables: Mapping[str, pd.DataFrame],
                    package: dict[str, Any]) -> str:
    """The data dictionary as Markdown, tables in the order of `schemas`."""
    lines = [
        "<!-- Generated from schemas/ and the built tables by the build "
        "(syria_deconfliction.publish.dictionary). Do not edit by hand: edit schemas/ "
        "and rebuild. -->",
        "",
        f"# Data dictionary: {package.get('title') or package.get('name', '')}",
        "",
        "_This file is generated from `schemas/*.schema.json` and the built tables by the build; "
        "do not edit it by hand._",
        "",
    ]
    if package.get("description"):
        lines += [package["description"], ""]
    lines += ["## Tables", "", "| table | title | rows | description |",
              "| --- | --- | ---: | --- |"]
    for name, schema in schemas.items():
        rows = str(len(tables[name])) if name in tables else "not built"
        lines.append(f"| [{name}](#{name}) | {_cell(schema.descriptor.get('title', name))} | "
                     f"{rows} | {_cell(schema.descriptor.get('description', ''))} |")
    lines.append("")
    codes = text_code_columns(dict(schemas))
    if codes:
        listed = "; ".join(f"{t}: {', '.join(f'`{c}`' for c in cols)}" for t, cols in codes.items())
        lines += [
            "## Code columns that stay text", "",
            "These columns hold codes made of digits whose leading zeros matter (CAMEO `0212` is "
            "not `212`; `010` and `10` are different codes). `syria_deconfliction.load` keeps "
            "them as strings; a CSV reader must be told to (pandas `dtype=str`, Polars "
            "`schema_overrides`, R `col_character()`, DuckDB `types`): see the README, "
            "\"Reading the CSV files without the loader\". They are marked "
            "_text code_ below.", "",
            f"- {listed}", ""]
    if package.get("licenses"):
        lines += ["## Licences", ""]
        for lic in package["licenses"]:
            link = f"[{lic['name']}]({lic['path']})" if lic.get("path") else lic.get("name", "")
            lines.append(f"- {link}: {lic['title']}" if lic.get("title") else f"- {link}")
        lines.append("")
    if package.get("sources"):
        lines += ["## Sources", ""]
        for src in package["sources"]:
            title = src.get("title", "")
            path = src.get("path")
            if path and path.startswith(("http://", "https://")):
                lines.append(f"- [{title}]({path})")
            else:
                lines.append(f"- {title} ({_code(path)})" if path else f"- {title}")
        lines.append("")
    for name, schema in schemas.items():
        df = tables.get(name)
        d = schema.descriptor
        lines += [f'<a id="{name}"></a>', "", f"## {name}: {d.get('title', name)}", ""]
        if d.get("description"):
            lines += [d["description"], ""]
        lines += _keys(schema)
        lines += [f"- Rows: {len(df) if df is not None else 'not built'}", ""]
        lines += ["| column | type | required | constraints | description | example |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for f in schema.fields:
            c = f.get("constraints") or {}
            example = example_value(f, df)
            lines.append(
                f"| `{f['name']}` | {TYPE_NAMES.get(f['type'], f['type'])} | "
                f"{'yes' if c.get('required') else 'no'} | {constraints_text(f)} | "
                f"{_cell(f.get('description', ''))} | "
                f"{_code(example) if example is not None else ''} |")
        lines.append("")
    return "\n".join(lines)
