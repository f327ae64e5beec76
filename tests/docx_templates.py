"""Helpers for tests that need a DOCX template other than the bundled one."""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path


def bundled() -> bytes:
    return (resources.files("readmit_forms") / "data" / "form.docx").read_bytes()


def with_part(template: bytes, part: str, edit: object) -> bytes:
    """A copy of ``template`` whose ``part`` is replaced by ``edit(text)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info, data)
    return out.getvalue()


def with_paragraph(text: str, template: bytes | None = None) -> bytes:
    """The bundled template with one more body paragraph holding ``text`` (e.g. a tag)."""
    paragraph = f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    return with_part(
        template or bundled(),
        "word/document.xml",
        lambda xml: xml.replace("<w:sectPr", paragraph + "<w:sectPr", 1),
    )


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
