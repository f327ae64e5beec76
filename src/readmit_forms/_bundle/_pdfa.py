"""PDF/A-3b assembly (ISO 19005-3, conformance level b) with pikepdf.

Pages come from PDFs drawn by our backends, whose fonts are embedded subsets of the
bundled Liberation Serif. This module adds what PDF/A-3 asks of the file itself:

- 6.6.2 an XMP metadata stream with ``pdfaid:part`` 3 and ``pdfaid:conformance`` B,
  and the document information entries mirrored in XMP (6.6.2.3.1);
- 6.2.2 an output intent /GTS_PDFA1 with an sRGB ICC profile (data/sRGB.icc);
- 6.8 embedded files, each with /F and /UF, a MIME type (/Subtype), /AFRelationship,
  and listed in the catalogue's /AF array (ISO 32000-2 §14.13, associated files);
- no /Encrypt (6.1.3), no JavaScript or actions (6.6.1), a binary header comment
  and a trailer /ID (6.1.2, 6.1.3), which qpdf writes.

Same input, same bytes: /ID is derived from the content, and no date is written.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

__all__ = ["Attachment", "Bookmark", "assemble"]

SRGB = "sRGB IEC61966-2.1"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to the bundle as an associated file of the whole document."""

    name: str
    data: bytes
    mime: str
    description: str
    relationship: str  # ISO 32000-2 Table 43: Source, Data, Alternative, Supplement, …


@dataclass(frozen=True, slots=True)
class Bookmark:
    title: str
    page: int  # 0-based


def _xmp(title: str, subject: str, lang: str, producer: str) -> bytes:
    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title>{alt(title)}</dc:title>
   <dc:creator><rdf:Seq><rdf:li>readmit_forms</rdf:li></rdf:Seq></dc:creator>
   <dc:description>{alt(subject)}</dc:description>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{escape(producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{escape(producer)}</xmp:CreatorTool>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _output_intent(pdf: pikepdf.Pdf) -> Dictionary:
    icc = (resources.files("readmit_forms") / "data" / "sRGB.icc").read_bytes()
    profile = pikepdf.Stream(pdf, icc)
    profile.N = 3
    return Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(SRGB),
        Info=String(SRGB),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=profile,
    )


def _filespec(pdf: pikepdf.Pdf, attachment: Attachment) -> pikepdf.Object:
    stream = pikepdf.Stream(pdf, attachment.data)
    stream.Type = Name.EmbeddedFile
    stream.Subtype = Name("/" + attachment.mime)
    stream.Params = Dictionary(
        Size=len(attachment.data), CheckSum=String(hashlib.md5(attachment.data).digest())
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(attachment.name),
            UF=String(attachment.name),
            Desc=String(attachment.description),
            AFRelationship=Name("/" + attachment.relationship),
            EF=Dictionary(F=stream, UF=stream),
        )
    )


def assemble(
    parts: Sequence[bytes],
    *,
    bookmarks: Sequence[Bookmark],
    attachments: Sequence[Attachment],
    title: str,
    subject: str,
    lang: str,
    producer: str,
) -> bytes:
    """The pages of ``parts`` in order, as one PDF/A-3b file with bookmarks and attachments.

    The last part's form fields (its empty ``signature`` and ``seal`` fields) are the
    bundle's: one signature signs the whole bundle; the other parts' fields are left out."""
    pdf = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(part)) for part in parts]
    try:
        for index, source in enumerate(sources):
            if index == len(sources) - 1:
                pdf.add_pages_from(source, forms="preserve", outlines="ignore")
            else:
                pdf.add_pages_from(source, forms="strip", outlines="ignore")
        with pdf.open_outline() as outline:
            outline.root.extend(pikepdf.OutlineItem(b.title, b.page) for b in bookmarks)
        specs = [(a.name, _filespec(pdf, a)) for a in sorted(attachments, key=lambda a: a.name)]
        pdf.Root.Names = Dictionary(
            EmbeddedFiles=Dictionary(
                Names=Array([item for name, spec in specs for item in (String(name), spec)])
            )
        )
        pdf.Root.AF = Array([spec for _, spec in specs])
        pdf.Root.OutputIntents = Array([_output_intent(pdf)])
        pdf.Root.Lang = String(lang)
        pdf.Root.PageMode = Name.UseOutlines
        metadata = pikepdf.Stream(pdf, _xmp(title, subject, lang, producer))
        metadata.Type = Name.Metadata
        metadata.Subtype = Name.XML
        pdf.Root.Metadata = metadata
        pdf.trailer.Info = pdf.make_indirect(
            Dictionary(
                Title=String(title),
                Author=String("readmit_forms"),
                Subject=String(subject),
                Creator=String(producer),
                Producer=String(producer),
            )
        )
        buffer = io.BytesIO()
        pdf.save(
            buffer,
            deterministic_id=True,
            fix_metadata_version=False,
            min_version="1.7",
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
        return buffer.getvalue()
    finally:
        for source in sources:
            source.close()
        pdf.close()
