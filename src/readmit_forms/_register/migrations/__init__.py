"""Alembic migrations of the register's schema (run by the library: `Register.init`)."""
