"""The core: the formats, loading and validating user data, cross-checks, geometry, git history.

Imports nothing else of the package (tests/test_layout.py enforces it).
"""
