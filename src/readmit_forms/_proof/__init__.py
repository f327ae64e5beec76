"""The translators' proof: one form of a case in kk, ru and en side by side, item by item.

The form is composed once per language from the same structure and case;
composition's trace (`compose_traced`) gives, for every block, the structure entry
and the scope it came from, so the three block lists line up entry by entry. Each
row shows an item's label and value in the three languages, and is flagged when:

``missing``
    a text or a value is empty in a language but not in another, or a
    language's templates lack the text (the proof still renders: a translator's
    copy of the templates may be incomplete);
``differs``
    a value that must be the same in every language is not: numbers (reference
    and document numbers) are compared literally; names literally within a
    script — the Kazakh and Russian spellings up to the letters Kazakh adds, a
    Latin spelling being a transliteration; dates as dates — the case's raw
    date values, never the formatted strings — so a name, number or date that a
    language's template drops is flagged too;
``untranslated``
    free text has no version in a language (another language's text is
    shown), or was given once for every language;
``divergence``
    a recorded divergence between the official language versions shows at
    the item (``divergences`` in ``agreements/<agreement>.yaml``, by
    ``template_key``).

A second table lists every recorded divergence of the form with the wording of
each language version and the version that prevails under the agreement (for
KZ–AT the prevailing English text is not in the sources, and the proof says so).

The proof is a plain `Document` of `Table` blocks, drawn by the ordinary
backends. Its own words come from ``templates/<lang>/proof.yaml``.

The package: ``align`` composes the form in each language and lines the items up;
``checks`` flags each row; ``document`` builds the proof.
"""

from __future__ import annotations

from .align import MARKS
from .document import proof, render_proof

__all__ = ["MARKS", "proof", "render_proof"]
