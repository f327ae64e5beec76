"""`Register`: the library's store of cases, documents, the data-protection record and deadlines.

Every method is one unit of work: it opens a session, does its reads and writes
in one transaction, and closes it — so a failure (or a crash) leaves the
register as it was, and one `Register` may serve many threads of a web server
at once (the engine pools connections; nothing else is shared).
"""

from __future__ import annotations

from ._base import Clock
from ._cases import Cases
from ._documents import Documents
from ._recording import Recording

__all__ = ["Clock", "Register"]


class Register(Cases, Documents, Recording):
    """The case register at ``url`` (default: ``READMIT_FORMS_DB``, else a SQLite file in
    the user's data folder), its schema brought up to date on first use.

        >>> register = rf.Register("sqlite:////tmp/register.sqlite3")
        >>> entry = register.add("samples/kz-at-family.yaml", by="A. Clerk")
        >>> doc, pdf = register.render(entry.ref, form="readmission-request", lang="en",
        ...                            by="A. Clerk")
        >>> register.transmit(entry.ref, document=doc.sha256, to="kz-mia",
        ...                   purpose="readmission", by="A. Clerk")
        >>> register.due(within=7)

    ``clock`` gives the current moment (default: the system clock, in UTC).
    Errors are `RegisterError` subclasses; nothing is changed when one is raised.
    """
