"""The subject report: what the register holds about a person's data, as a `Document`.

KZ–AT Art. 12(4) and KZ–HU Art. 5(2)(4) give the person the right to be told
which of their personal data were transmitted, to whom, for what purpose and
on what legal basis. The report is composed of the ordinary blocks (title,
fields, headings, tables) and drawn by the ordinary backends (PDF, DOCX, HTML).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._agreements import Agreement, Source, get_agreement
from .._document import Block, Document, Field, Run, Table, TableRow, Text, Title
from .._findings import articles
from .._format import format_date
from .._lang import LANGS, Lang, parse_lang
from .._presentation import heading, page_label
from .._presentation import subject as subject_line
from .._templates import Texts, texts
from ._results import DataRecord, Subject

__all__ = ["report_lang", "subject_document"]


def report_lang(subject: Subject, lang: str | None) -> Lang:
    """The language asked for, else the person's first language of kk/ru/en, else English."""
    if lang:
        return parse_lang(lang)
    for code in subject.languages:
        if code in {language.value for language in LANGS}:
            return Lang(code)
    return Lang.EN


def _rich(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def _moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _authority(agreement: Agreement, value: str | None, lang: Lang) -> str:
    if value is None:
        return ""
    for known in agreement.authorities or ():
        if known.id == value:
            return known.name[lang]
    return value


class _Say:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.texts: Texts = texts(lang)

    def __call__(self, key: str, **params: Any) -> str:
        return (
            self.texts.format(f"register.{key}", **params)
            if params
            else self.texts[f"register.{key}"]
        )

    def purpose(self, value: str | None) -> str:
        if value is None:
            return ""
        key = f"register.purpose.{value}"
        return self.texts.get(key, value)


def _data(say: _Say, agreement: Agreement, record: DataRecord) -> str:
    content = record.content
    lang = say.lang
    if record.kind == "deletion":
        gone = content.get("destroyed", {})
        when = dt.datetime.fromisoformat(gone["at"]) if gone.get("at") else None
        return say(
            "report.destroyed",
            kind=say(f"report.kind.{gone.get('kind', 'transmission')}"),
            date=format_date(when.date(), lang) if when else "",
            counterpart=_authority(agreement, gone.get("counterpart"), lang),
        )
    parts: list[str] = []
    form = content.get("form")
    if form and form in agreement.form_ids:
        parts.append(
            say(
                "report.document",
                form=agreement.form(form).title[lang],
                lang=say(f"languages.{content.get('lang', 'en')}"),
                format=str(content.get("format", "")).upper(),
            )
        )
    if "reply" in content:
        parts.append(
            say(
                "report.reply.positive" if content["reply"]["positive"] else "report.reply.negative"
            )
        )
    if content.get("note"):
        parts.append(str(content["note"]))
    names = [say(f"category.{c}") for c in content.get("categories", [])]
    if names:
        parts.append(say("report.categories", list="; ".join(names)))
    return ". ".join(parts)


def _basis(agreement: Agreement, record: DataRecord, lang: Lang) -> str:
    duty = agreement.record
    sources: list[Source] = []
    if record.kind == "deletion":
        if duty is not None and duty.retention.source is not None:
            sources.append(duty.retention.source)
    else:
        form = record.content.get("form")
        if form and form in agreement.form_ids:
            sources += agreement.form(form).basis
        if duty is not None and duty.exchange is not None:
            sources.append(duty.exchange)
    return articles(agreement, sources)[lang] if sources else ""


def _row(say: _Say, agreement: Agreement, record: DataRecord) -> TableRow:
    lang = say.lang
    if record.kind == "transmission":
        authority, person = record.recipient_authority, record.recipient_person
    elif record.kind == "receipt":
        authority, person = record.sender_authority, record.sender_person
    else:  # a destruction: the entry destroyed names the other side (see _data)
        authority, person = None, None
    counterpart = _authority(agreement, authority, lang)
    if person:
        counterpart = say("report.person_of", authority=counterpart, person=person)
    cells = (
        _moment(record.at),
        say(f"report.event.{record.kind}"),
        counterpart,
        say.purpose(record.purpose),
        _data(say, agreement, record),
        _basis(agreement, record, lang),
    )
    return TableRow(tuple(_rich(cell) if cell else None for cell in cells))


def _access(say: _Say, agreement: Agreement) -> str:
    duty = agreement.record
    if duty is None or (duty.subject_access.not_stated and duty.subject_access.source is None):
        return say("report.unknown_access")
    access = duty.subject_access
    assert access.source is not None
    article = articles(agreement, [access.source])[say.lang]
    return say("report.no_access" if access.not_stated else "report.access", article=article)


def _role(say: _Say, role: str) -> str:
    return say("report.roles.child" if role.startswith("children") else f"report.roles.{role}")


def subject_document(subject: Subject, lang: str | None, now: dt.datetime) -> Document:
    """The report on ``subject`` in ``lang`` (see `report_lang`), dated ``now``."""
    language = report_lang(subject, lang)
    say = _Say(language)
    blocks: list[Block] = [
        Title(say("report.title")),
        Field("", say("report.person"), _rich(subject.names[language.value]), inline=True),
    ]
    if subject.born is not None:
        blocks.append(
            Field("", say("report.born"), _rich(format_date(subject.born, language)), inline=True)
        )
    blocks.append(Text(say("report.prepared", date=format_date(now.date(), language)), small=True))
    header = tuple(
        say(f"report.columns.{c}")
        for c in ("date", "event", "counterpart", "purpose", "data", "basis")
    )
    for ref, agreement_id, role in subject.cases:
        agreement = get_agreement(agreement_id)
        blocks.append(heading("", say("report.case", ref=ref)))
        blocks.append(
            Field("", say("report.agreement"), _rich(agreement.short[language]), inline=True)
        )
        blocks.append(Field("", say("report.role"), _rich(_role(say, role)), inline=True))
        blocks.append(Text(_access(say, agreement), small=True))
        rows = [_row(say, agreement, r) for r in subject.records if r.ref == ref]
        if rows:
            blocks.append(Table(header, tuple(rows), (1.3, 1.1, 2.0, 1.6, 2.6, 1.6)))
        else:
            blocks.append(Text(say("report.none")))
        kept = [r.retain_until for r in subject.records if r.ref == ref and r.retain_until]
        if kept:
            blocks.append(
                Text(say("report.retention", date=format_date(max(kept), language)), small=True)
            )
    first_agreement = subject.cases[0][1] if subject.cases else ""
    return Document(
        lang=language,
        title=say("report.title"),
        subject=subject_line(first_agreement, "subject-report", language),
        blocks=tuple(blocks),
        status=say("report.footer"),
        page_label=page_label(say.texts["common.page"]),
        metadata={"document": "subject-report", "language": language.value},
    )
