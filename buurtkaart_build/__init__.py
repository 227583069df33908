"""Buurtkaart: neighbourhood findings compiled into a searchable intranet site.

The version has one source, ``version`` in pyproject.toml; see ``core.version``.
"""
