"""Vraag en aanbod: words, the theme vocabulary and the matcher. Imports only the core."""
