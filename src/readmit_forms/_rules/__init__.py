"""Validation rules, one module per concern; importing this package registers them all."""

from . import basics  # noqa: F401
