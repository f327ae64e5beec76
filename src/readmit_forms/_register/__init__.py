"""The case register: cases and their versions, documents, the data-protection record, deadlines.

    _store     where the register lives (URL, SQLite file, engine) and its schema version
    _schema    the tables (SQLAlchemy 2 typed models); migrations/ changes them (Alembic)
    _api       `Register`: one unit of work per method
    _records   what an entry of the record must contain, and how long it is kept
    _changes   what a version changed, the case's data subjects, the kinds of data
    _subjects  finding a person; _report: the subject report as a `Document`

Nothing is imported here: the command line reads the register's names without paying
for SQLAlchemy unless it opens a register.
"""
