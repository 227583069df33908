"""The package's version: one source, ``version`` in pyproject.toml, read from the installed metadata."""

from __future__ import annotations

from importlib import metadata

UNKNOWN = "0+onbekend"


def package_version() -> str:
    """The installed version of the ``buurtkaart`` distribution; ``0+onbekend`` outside an install."""
    try:
        return metadata.version("buurtkaart")
    except metadata.PackageNotFoundError:
        return UNKNOWN
