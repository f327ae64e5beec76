"""Helpers of the web tests: the app in-process, the app on a port, a page's form as a browser
would post it."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from readmit_forms._web import WebConfig, create_app

LOOPBACK = "http://127.0.0.1:8000"
_REGISTERS = tempfile.TemporaryDirectory(prefix="readmit-forms-web-tests-")


def fresh_register() -> str:
    """The URL of a new, empty register (a SQLite file in a temporary folder)."""
    folder = Path(tempfile.mkdtemp(dir=_REGISTERS.name))
    return f"sqlite:///{folder / 'register.sqlite3'}"


def with_register(config: WebConfig | None) -> WebConfig:
    """``config`` (default: the defaults) with a fresh register unless it names one: a
    test never touches the user's own register."""
    config = config or WebConfig()
    if config.db is None:
        config = dataclasses.replace(config, db=fresh_register())
    return config


def client(config: WebConfig | None = None, **kwargs: Any) -> Any:
    """A TestClient of the app, from this machine, under its loopback name."""
    from starlette.testclient import TestClient

    kwargs.setdefault("base_url", LOOPBACK)
    kwargs.setdefault("client", ("127.0.0.1", 50000))
    return TestClient(create_app(with_register(config)), **kwargs)


def csrf_of(html: str) -> str:
    fields = FormFields.of(html, None)
    return next(value for name, value in fields.items if name == "_csrf")


class FormFields(HTMLParser):
    """The (name, value) pairs a browser posts for a form (without the clicked button)."""

    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = form_id is None
        self.items: list[tuple[str, str]] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._option: dict[str, Any] | None = None
        self._textarea: tuple[str, list[str]] | None = None

    @classmethod
    def of(cls, html: str, form_id: str | None = "case") -> FormFields:
        parser = cls(form_id)
        parser.feed(html)
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.form_id is not None:
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.items.append((a["name"], a.get("value") or "on"))
            elif kind not in ("file", "submit", "button"):
                self.items.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = a.get("name")
            self._options = []
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": []}
        elif tag == "textarea" and "name" in a:
            self._textarea = (a["name"], [])

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["text"].append(data)
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "option" and self._option is not None:
            value = self._option["value"]
            if value is None:
                value = "".join(self._option["text"]).strip()
            self._options.append((value, self._option["selected"]))
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected] or [
                v for v, _ in self._options[:1]
            ]
            if chosen:
                self.items.append((self._select, chosen[0]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._textarea[1])
            self.items.append((self._textarea[0], text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form" and self.form_id is not None:
            self.inside = False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def running(config: WebConfig | None = None) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; yields its URL."""
    import uvicorn

    port = free_port()
    config = with_register(config or WebConfig(port=port))
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
