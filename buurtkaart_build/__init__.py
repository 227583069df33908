"""Buurtkaart: neighbourhood findings compiled into a searchable intranet site."""

__version__ = "0.1.0"
