"""The dataset's version and release date: the one place they are kept.

Semantic versioning of the data: a changed schema is a major version, a changed
or added row a minor version, a fix to documentation or code that leaves every
row as it was a patch.
"""

__version__ = "0.1.0"
__released__ = "2026-11-21"
