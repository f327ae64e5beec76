"""The register's documents: rendered from a version of a case, or derived from one (a signed
copy), each recorded by its SHA-256."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from .._agreements import get_agreement
from .._case import Case
from .._lang import parse_lang
from ._base import RegisterBase, case_data, sha256_of, who
from ._results import (
    RegisteredDocument,
    document_of,
)
from ._schema import DocumentRow

__all__ = ["Documents"]


class Documents(RegisterBase):
    """Documents of the registered cases."""

    def render(
        self,
        ref: str,
        *,
        form: str,
        lang: str,
        by: str,
        format: str = "pdf",
        purpose: str = "default",
        draft: bool = False,
        keep: bool = False,
    ) -> tuple[RegisteredDocument, bytes]:
        """Render ``form`` of the current version of case ``ref`` and record the document.

        The same version rendered the same way gives the same bytes, recorded once.
        ``keep`` stores the bytes in the register too (otherwise only their SHA-256).
        """
        from .._render import render

        current = self.get(ref)
        assert current.case is not None
        data = render(
            current.case, form=form, lang=lang, format=format, draft=draft, purpose=purpose
        )
        document = self._document(
            current.ref,
            data,
            version=current.version,
            form=form,
            lang=parse_lang(lang).value,
            format=format.strip().lower(),
            purpose=purpose,
            draft=draft,
            by=by,
            keep=keep,
            derived_from=None,
        )
        return document, data

    def bundle(
        self,
        ref: str,
        *,
        by: str,
        forms: str | Sequence[str] = "applicable",
        langs: Sequence[str] | None = None,
        keep: bool = False,
    ) -> tuple[RegisteredDocument, bytes]:
        """The case bundle (`readmit_forms.bundle`) of the current version of case ``ref``,
        recorded as a document of form "bundle" in its first language.

        The case data the bundle attaches names its photo by file name only, as a case
        file beside its photo does: never the path the register keeps it at."""
        from .._bundle import bundle as make_bundle
        from .._bundle import bundle_langs

        current = self.get(ref)
        assert current.case is not None
        chosen = bundle_langs(get_agreement(current.agreement), langs)
        with tempfile.TemporaryDirectory(prefix="readmit-forms-bundle-") as folder:
            source = _case_file(current.case, Path(folder))
            data = make_bundle(source, forms=forms, langs=chosen)
        document = self._document(
            current.ref,
            data,
            version=current.version,
            form="bundle",
            lang=chosen[0].value,
            format="pdf",
            purpose="default",
            draft=False,
            by=by,
            keep=keep,
            derived_from=None,
        )
        return document, data

    def add_document(
        self, ref: str, data: bytes, *, derived_from: str, by: str, keep: bool = False
    ) -> RegisteredDocument:
        """Record ``data`` as made from registered document ``derived_from`` (SHA-256 or a
        prefix): a signed copy, a PDF printed from the DOCX. It belongs to the same
        case version, form and language."""
        with self._unit() as session:
            row = self._row(session, ref)
            source = self._find_document(session, row, derived_from)
        return self._document(
            ref,
            data,
            version=source.version,
            form=source.form,
            lang=source.lang,
            format=source.format,
            purpose=source.purpose,
            draft=source.draft,
            by=by,
            keep=keep,
            derived_from=source.sha256,
        )

    def _document(
        self,
        ref: str,
        data: bytes,
        *,
        version: int,
        form: str,
        lang: str,
        format: str,
        purpose: str,
        draft: bool,
        by: str,
        keep: bool,
        derived_from: str | None,
    ) -> RegisteredDocument:
        sha = sha256_of(data)
        with self._unit(write=True) as session:
            row = self._row(session, ref)
            found = session.scalars(
                select(DocumentRow).where(
                    DocumentRow.case_id == row.id,
                    DocumentRow.sha256 == sha,
                    DocumentRow.version == version,
                )
            ).first()
            if found is None:
                found = DocumentRow(
                    case_id=row.id,
                    version=version,
                    form=form,
                    lang=lang,
                    format=format,
                    purpose=purpose,
                    draft=draft,
                    sha256=sha,
                    size=len(data),
                    created_at=self.now(),
                    created_by=who(by),
                    derived_from=derived_from,
                    content=data if keep else None,
                )
                session.add(found)
            elif keep and found.content is None:
                found.content = data
            return document_of(row.ref or ref, found)

    def documents(self, ref: str) -> list[RegisteredDocument]:
        """Every document recorded for case ``ref``, oldest first."""
        with self._unit() as session:
            row = self._row(session, ref)
            rows = session.scalars(
                select(DocumentRow).where(DocumentRow.case_id == row.id).order_by(DocumentRow.id)
            )
            return [document_of(row.ref or ref, d) for d in rows]

    def document_bytes(self, ref: str, sha256: str) -> bytes | None:
        """The bytes of a recorded document, if they were kept (``keep=True``)."""
        with self._unit() as session:
            row = self._row(session, ref)
            return self._find_document(session, row, sha256).content


def _case_file(case: Case, folder: Path) -> Path:
    """``case`` as a JSON case file in ``folder``, with a copy of its photo beside it."""
    data = case_data(case)
    photo = case.person.photo
    if photo is not None and photo.is_file():
        name = "photo" + photo.suffix.lower()
        shutil.copyfile(photo, folder / name)
        data["person"]["photo"] = name
    path = folder / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path
