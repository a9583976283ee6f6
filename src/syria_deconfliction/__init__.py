"""syria-deconfliction: news on the US, Russia and the war in Syria as validated tables.

    >>> import syria_deconfliction as sd
    >>> sd.tables()                      # names of the published tables
    >>> articles = sd.load("articles")   # a pandas DataFrame with real dtypes
    >>> sd.path("events", "csv")         # the file itself
"""

from ._version import __version__
from .loader import load, load_all, path, schema, tables, version

__all__ = ["__version__", "load", "load_all", "path", "schema", "tables", "version"]
