"""The case bundle: one PDF/A-3b file per case, and the case back out of it.

bundle(case, forms="applicable", langs=[…]) ─▶ bytes (cover, forms, bookmarks,
                                              case.json + documents attached)
extract(bundle_pdf) ─▶ BundleContents (case JSON byte for byte, documents checked)
"""

from ._extract import extract
from ._make import bundle, bundle_forms, bundle_langs
from ._manifest import CASE_SCHEMA_VERSION, BundleContents, BundledDocument

__all__ = [
    "CASE_SCHEMA_VERSION",
    "BundleContents",
    "BundledDocument",
    "bundle",
    "bundle_forms",
    "bundle_langs",
    "extract",
]
