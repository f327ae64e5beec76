"""Values are data: whatever the schema accepts comes out of DOCX and HTML as itself.

Names with ``&``, ``<b>``, quotes, Jinja or docxtpl tags, XML end tags, Kazakh
letters, line breaks and tabs — generated from the characters the case schema
accepts (``_charset``) — must print literally and never be taken as markup or as
template code.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readmit_forms as rf
from office_cases import sample_dict
from readback import docx_text, html_text, missing_in_order, normalise
from readmit_forms._backends import backend
from readmit_forms._charset import PRINTABLE_RANGES, char_problem
from readmit_forms._document import walk_text

READERS = {"docx": docx_text, "html": html_text}

HOSTILE = [
    "O'Brien & <b>Sons</b> {{7*7}}",
    "{% raw %}",
    "{% endraw %}{{ 7*7 }}",
    "{%p if x %}{%tr for r in rows %}{{r x }}{{p draw(b) }}",
    "{% cellbg 'FF0000' %}{% colspan 3 %}{_{ 1 }_}",
    "</w:t></w:r><w:r><w:t>",
    "<![CDATA[ ]]> <!-- -->",
    "&amp; &lt; &#x41; &nbsp;",
    "\"double\" 'single' “curly” ‘quotes’",
    "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі",
    "<script>alert(1)</script></style>",
    "${x} %(x)s {0} \\n \\",
]

_char = (
    st.sampled_from(PRINTABLE_RANGES)
    .flatmap(lambda bounds: st.integers(bounds[0], bounds[1]))
    .map(chr)
)
_tricky = st.sampled_from(list("{}%#<>&'\"_p/\\!- ӘәҒғҚқҢңӨөҰұҮүҺһІі"))


def _text(multiline: bool) -> st.SearchStrategy[str]:
    pieces = st.one_of(_char, _tricky, *([st.sampled_from(["\n", "\t"])] if multiline else []))
    generated = st.lists(pieces, min_size=1, max_size=40).map("".join)
    return st.one_of(st.sampled_from(HOSTILE), generated).filter(
        lambda s: bool(s.strip()) and char_problem(s, multiline=multiline) is None
    )


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(
    surname=_text(False),
    given_name=_text(False),
    number=_text(False),
    notes=_text(True),
    lang=st.sampled_from(["kk", "ru", "en"]),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_values_come_out_literally(
    fmt: str, surname: str, given_name: str, number: str, notes: str, lang: str
) -> None:
    data = sample_dict()
    data["person"]["surnames"] = [surname]
    data["person"]["given_names"] = [given_name]
    data["letter"]["number"] = number
    data["notes"] = notes
    document = rf.compose(rf.load_case(data), "readmission-request", lang, draft=True)
    text = READERS[fmt](backend(fmt)(document))
    assert missing_in_order(walk_text(document), text) is None
    flat = normalise(text)
    for value in (surname, given_name, number, notes):
        assert normalise(value) in flat


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_the_named_hostile_values(fmt: str) -> None:
    for value in HOSTILE:
        data = sample_dict()
        data["person"]["surnames"] = [value]
        data["notes"] = value + "\nsecond line\tafter a tab"
        document = rf.compose(rf.load_case(data), "readmission-request", "en", draft=True)
        text = READERS[fmt](backend(fmt)(document))
        assert normalise(value) in normalise(text)
        assert "second line" in text
