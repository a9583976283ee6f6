"""Build-time publishing: SQLite/Datasette, figures, the data dictionary and text-free tables.

Nothing here is imported by the loader; each submodule imports its heavy dependencies
(matplotlib) only when called.

- `sqlite.write_sqlite(tables, schemas, package, path)` and `sqlite.datasette_metadata(...)`
- `figures.make_figures(tables, out_dir)`
- `dictionary.data_dictionary(schemas, tables, package)`
- `textfree.strip_text(tables)`, `textfree.hydrate(tables, texts, raw_texts=None)`,
  `textfree.restore_texts(articles, raw_dir, boilerplate)`
"""
