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


def _objects(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj


def header_and_trailer(pdf: bytes) -> list[str]:
    """6.1.2: "%PDF-1.n" then a comment of four bytes above 127; 6.1.3: /ID, no /Encrypt."""
    problems = []
    first, second = pdf.split(b"\n", 2)[:2]
    if not first.startswith(b"%PDF-1."):
        problems.append("header")
    if not (second.startswith(b"%") and all(b > 127 for b in second[1:5])):
        problems.append("binary comment")
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        if "/ID" not in opened.trailer:
            problems.append("no /ID")
        if "/Encrypt" in opened.trailer or opened.is_encrypted:
            problems.append("encrypted")
    return problems


def symbolic_truetype_problems(pdf: bytes) -> list[str]:
    """6.2.11.6: a symbolic TrueType font has no /Encoding and exactly one cmap subtable."""
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for obj in _objects(opened):
            if obj.get("/Type") != "/Font" or obj.get("/Subtype") != "/TrueType":
                continue
            descriptor = obj.FontDescriptor
            if int(descriptor.Flags) & 4:
                program = descriptor.FontFile2.read_bytes()
                if "/Encoding" in obj or _cmap_subtables(program) != 1:
                    problems.append(str(obj.BaseFont))
    return problems


def _cmap_subtables(font: bytes) -> int:
    """The number of subtables of a TrueType font program's 'cmap' table."""
    import struct

    (tables,) = struct.unpack(">H", font[4:6])
    for index in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * index : 28 + 16 * index])
        if tag == b"cmap":
            return int(struct.unpack(">H", font[offset + 2 : offset + 4])[0])
    return 0


def xmp_problems(pdf: bytes) -> list[str]:
    """6.6.2: XMP metadata with pdfaid part 3, conformance B, and the document information
    entries equal to their XMP counterparts (6.6.2.3.1)."""
    import xml.etree.ElementTree as ET

    ns = {
        "x": "adobe:ns:meta/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "pdf": "http://ns.adobe.com/pdf/1.3/",
        "xmp": "http://ns.adobe.com/xap/1.0/",
    }
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        metadata = opened.Root.get("/Metadata")
        if metadata is None or metadata.get("/Subtype") != "/XML":
            return ["no XMP metadata stream"]
        root = ET.fromstring(metadata.read_bytes())
        info = opened.trailer.Info

        def one(path: str) -> str | None:
            """A property as an element, or (RDF shorthand) as an attribute."""
            found = root.find(f".//{path}", ns)
            if found is not None:
                return found.text
            prefix, _, local = path.partition("/")[0].partition(":")
            attribute = f"{{{ns[prefix]}}}{local}"
            for description in root.iter(f"{{{ns['rdf']}}}Description"):
                if attribute in description.attrib:
                    return description.attrib[attribute]
            return None

        if one("pdfaid:part") != "3" or one("pdfaid:conformance") != "B":
            problems.append("pdfaid")
        pairs = {
            "/Title": one("dc:title/rdf:Alt/rdf:li"),
            "/Author": one("dc:creator/rdf:Seq/rdf:li"),
            "/Subject": one("dc:description/rdf:Alt/rdf:li"),
            "/Producer": one("pdf:Producer"),
            "/Creator": one("xmp:CreatorTool"),
        }
        for key, value in pairs.items():
            if key in info and str(info[key]) != value:
                problems.append(f"{key} differs from XMP")
        for key in info.keys():  # noqa: SIM118 - a pikepdf dictionary
            if key not in pairs:
                problems.append(f"{key} has no XMP counterpart")
    return problems


def output_intent_problems(pdf: bytes) -> list[str]:
    """6.2.2/6.2.3: an output intent /GTS_PDFA1 whose profile is an RGB ICC profile
    (N = 3) of a version PDF 1.7 knows (at most 4.2)."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        intents = [i for i in opened.Root.get("/OutputIntents", []) if i.S == "/GTS_PDFA1"]
        if len(intents) != 1:
            return ["no single GTS_PDFA1 output intent"]
        profile = intents[0].DestOutputProfile
        icc = profile.read_bytes()
        problems = []
        if int(profile.N) != 3 or icc[16:20] != b"RGB " or icc[36:40] != b"acsp":
            problems.append("not an RGB ICC profile")
        if (icc[8], icc[9]) > (4, 0x20):
            problems.append(f"ICC version {icc[8]}.{icc[9] >> 4} is newer than 4.2")
        return problems


def javascript_and_actions(pdf: bytes) -> list[str]:
    """6.6.1: no JavaScript, no /AA additional actions, no /Launch or other actions."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        names = opened.Root.get("/Names") or {}
        if "/JavaScript" in names:
            found.append("JavaScript name tree")
        for obj in _objects(opened):
            if "/JS" in obj or "/AA" in obj or obj.get("/S") in ("/JavaScript", "/Launch"):
                found.append(repr(obj.objgen))
        if "/OpenAction" in opened.Root:
            found.append("OpenAction")
    return found


def embedded_file_problems(pdf: bytes) -> list[str]:
    """6.8: each embedded file's specification has /F, /UF and /AFRelationship, its stream
    a MIME type (/Subtype), and the catalogue's /AF lists every one (associated files)."""
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        listed = {spec.objgen for spec in opened.Root.get("/AF", [])}
        for name, attached in opened.attachments.items():
            spec = attached.obj
            for key in ("/F", "/UF", "/AFRelationship"):
                if key not in spec:
                    problems.append(f"{name}: no {key}")
            if "/Subtype" not in spec.EF.F:
                problems.append(f"{name}: no MIME type")
            if spec.objgen not in listed:
                problems.append(f"{name}: not in /AF")
    return problems


def cmyk_colour(pdf: bytes) -> list[str]:
    """6.2.4.3: device colour only as the sRGB output intent allows: no CMYK anywhere."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            for _, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("k", "K"):
                    found.append(f"page {page.index + 1}: {operator}")
        for obj in _objects(opened):
            if obj.get("/ColorSpace") == "/DeviceCMYK":
                found.append(repr(obj.objgen))
    return found


def annotation_problems(pdf: bytes) -> list[str]:
    """6.3.2/6.3.3: every annotation is printed (/F with the print flag) and has a normal
    appearance stream."""
    problems = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            for annot in page.obj.get("/Annots", []):
                if not int(annot.get("/F", 0)) & 4:
                    problems.append(f"{annot.get('/T')}: not printed")
                if "/N" not in (annot.get("/AP") or {}):
                    problems.append(f"{annot.get('/T')}: no appearance")
    return problems
