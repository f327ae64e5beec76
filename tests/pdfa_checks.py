"""Direct checks of the PDF/A-3b clauses the bundle claims (no veraPDF here), one function
each, shared by the bundle tests and the signing tests."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf


def _fonts(resources: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Object]:
    if resources is None:
        return
    for font in (resources.get("/Font") or {}).values():
        yield font
        yield from font.get("/DescendantFonts", [])
    for xobject in (resources.get("/XObject") or {}).values():
        key = xobject.objgen
        if key in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        yield from _fonts(xobject.get("/Resources"), seen)


def all_fonts(pdf: bytes) -> list[tuple[str, str, bool]]:
    """(name, subtype, embedded) of every font of every page, form XObject and
    annotation appearance stream."""
    found: list[pikepdf.Object] = []
    seen: set[tuple[int, int]] = set()
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            found += list(_fonts(page.obj.get("/Resources"), seen))
            for annot in page.obj.get("/Annots", []):
                for appearance in (annot.get("/AP") or {}).values():
                    if isinstance(appearance, pikepdf.Stream):
                        found += list(_fonts(appearance.get("/Resources"), seen))
        return [(str(f.get("/BaseFont")), str(f.get("/Subtype")), _embedded(f)) for f in found]


def _embedded(font: pikepdf.Object) -> bool:
    if font.get("/Subtype") == "/Type0":
        return True  # its descendant font carries the program (checked on its own)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def unembedded_fonts(pdf: bytes) -> list[str]:
    """ISO 19005-3 6.2.11.4.1: every font used is embedded (appearance streams too)."""
    return [name for name, _, embedded in all_fonts(pdf) if not embedded]
