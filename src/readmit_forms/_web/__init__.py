"""The clerk's workbench and the HTTP API: a web application over the public library API.

``readmit-forms serve`` runs it with uvicorn. Layout, in the order a request meets it:

- ``_security``  the guard: access (loopback or token), origin, size, headers, log
- ``_api``       ``/api/v1``: agreements, schema, validate, deadlines, render, proof, bundle
- ``_pages``     the workbench's pages: case list, start, edit, live check, preview, import,
                 export (``_templates`` draws them, ``_posted`` reads their posts,
                 ``_editor`` draws the editor)
- ``_casepages`` the pages over the register: open, save, download (recorded), the record
- ``_workbench`` what a page shows about a case: findings by input, forms, deadlines
- ``_store``     where cases are kept: the case register (``readmit_forms.Register``)
- ``_signer``    the server's signing key, opened at start
- ``_form``      the editor generated from the case schema (layout.yaml groups it);
                 ``_formdata`` turns posted inputs into case data
- ``_casework``  photos as bytes, never paths; ``_body`` reads an API request's case
- ``_errors``    one code per error, the command line's exit codes and field paths

This package imports only ``readmit_forms`` (the public API), never its private modules.
It needs the ``web`` extra: ``pip install 'readmit-forms[web]'``.
"""

from __future__ import annotations

import logging

from ._app import create_app
from ._config import WebConfig
from ._security import Guard

__all__ = ["WebConfig", "app_from_environment", "create_app"]


def app_from_environment() -> Guard:
    """The application of one worker process of ``serve --workers N`` (uvicorn's factory)."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    return create_app(WebConfig.from_environment())
