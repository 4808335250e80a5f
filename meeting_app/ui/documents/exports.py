"""What a delegate takes away: the document with their annotations as a real PDF, their notes
as a Markdown or PDF summary, and (chair, secretary) the comment summary of shared
annotations as CSV or PDF.

The PDFs are written by the PDF engine's process: the annotated copy with PyMuPDF annotations
(highlight, underline, strike-out, ink, text note, free text, square), so any PDF reader shows
and edits them; the summaries from the small HTML documents built here (``notes_html``,
``comments_html``), laid out in the bundled DejaVu Sans (``meeting_app.pdf.summary``).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meeting_app.state.formats import date_text, time_text

KIND_NAMES = {"highlight": QT_TRANSLATE_NOOP("exports", "Highlight"),
              "underline": QT_TRANSLATE_NOOP("exports", "Underline"),
              "strikeout": QT_TRANSLATE_NOOP("exports", "Strike-through"),
              "ink": QT_TRANSLATE_NOOP("exports", "Pen"),
              "note": QT_TRANSLATE_NOOP("exports", "Sticky note"),
              "textbox": QT_TRANSLATE_NOOP("exports", "Text box"),
              "rect": QT_TRANSLATE_NOOP("exports", "Rectangle")}
"""Each kind of annotation named (translated where it is written)."""


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


def kind_name(kind: str) -> str:
    """A kind of annotation in words, in the interface language."""
    return translate("exports", str(KIND_NAMES[kind])) if kind in KIND_NAMES else kind


def annotation_text(annotation: dict[str, Any]) -> str:
    """The words an annotation carries: a note's text, or the text it marks."""
    return str(annotation.get("data", {}).get("text") or "").strip()


Section = tuple[str, list[str], list[str]]
"""(heading, paragraphs, list items): one agenda item's notes or one document's annotations."""


def notes_sections(agenda: list[dict[str, Any]], notes: dict[int, str],
                   documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = ()) -> list[Section]:
    """My notes per agenda item, then the words of my annotations per document."""
    sections: list[Section] = []
    for number, item in enumerate(agenda, start=1):
        text = notes.get(item["id"], "").strip()
        if text:
            sections.append((f"{number}. {item['title']}", [text], []))
    for document, marks in documents:
        worded = [a for a in marks if annotation_text(a)]
        if not worded:
            continue
        items = []
        for annotation in sorted(worded, key=lambda a: (a["page"], a["data"].get("point", [0, 0])[1:])):
            text = annotation_text(annotation).replace("\n", " ")
            items.append(translate("exports", "p. {page}, {kind}: {text}").format(
                page=annotation["page"] + 1, kind=kind_name(annotation["kind"]), text=text))
        sections.append((str(document.get("title", "")), [], items))
    return sections


def _notes_heading(now: datetime | None) -> str:
    return translate("exports", "My notes, {time}").format(time=_moment(now))


def _moment(now: datetime | None) -> str:
    moment = now or datetime.now().astimezone()
    return f"{time_text(moment)} {date_text(moment.astimezone().date())}"


def notes_markdown(meeting: dict[str, Any], agenda: list[dict[str, Any]], notes: dict[int, str],
                   documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = (),
                   now: datetime | None = None) -> str:
    """My notes per agenda item, then the words of my annotations per document, as Markdown."""
    lines = [f"# {meeting.get('title', '')}", "",
             f"_{_notes_heading(now)}_", ""]
    for heading, paragraphs, items in notes_sections(agenda, notes, documents):
        lines += [f"## {heading}", ""]
        for text in paragraphs:
            lines += [text, ""]
        if items:
            lines += [f"- {item}" for item in items] + [""]
    return "\n".join(lines).rstrip() + "\n"


def notes_html(meeting: dict[str, Any], agenda: list[dict[str, Any]], notes: dict[int, str],
               documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = (),
               now: datetime | None = None) -> str:
    """The same summary as ``notes_markdown``, as HTML for the PDF version."""
    parts = [f"<h1>{_escape(meeting.get('title', ''))}</h1>",
             f'<p class="meta">{_escape(_notes_heading(now))}</p>']
    for heading, paragraphs, items in notes_sections(agenda, notes, documents):
        parts.append(f"<h2>{_escape(heading)}</h2>")
        parts += [f"<p>{_escape(text)}</p>" for text in paragraphs]
        if items:
            parts.append("<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>")
    return "\n".join(parts)


def _local(stamp: Any) -> str:
    """A server timestamp (ISO 8601, UTC) as local "HH:MM dd/mm/yyyy"; as given if unreadable."""
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).astimezone()
        return f"{time_text(moment)} {date_text(moment.date())}"
    except ValueError:
        return str(stamp)


def _escape(text: Any) -> str:
    """Text as HTML, its line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br/>")


def comments_csv(document: dict[str, Any], comments: list[dict[str, Any]]) -> str:
    """The shared annotations of a document, one line each, for the secretary (UTF-8 CSV
    with a BOM so spreadsheet programs read the Vietnamese right)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["document", "page", "author", "kind", "text", "updated_at"])
    for row in _comment_rows(comments):
        writer.writerow([document.get("title", ""), *row])
    return out.getvalue()


def _comment_rows(comments: list[dict[str, Any]]) -> list[list[Any]]:
    """(page from 1, author, kind, text, updated_at) per shared annotation, by page then author."""
    return [[int(item.get("page", 0)) + 1, item.get("author_name", ""),
             kind_name(str(item.get("kind", ""))), annotation_text(item),
             item.get("updated_at", "")]
            for item in sorted(comments, key=lambda a: (a.get("page", 0), str(a.get("author_name", ""))))]


def comments_html(document: dict[str, Any], comments: list[dict[str, Any]],
                  now: datetime | None = None) -> str:
    """The comment summary as HTML for the PDF version: one table row per shared annotation."""
    names = (translate("exports", "Page"), translate("exports", "Author"), translate("exports", "Kind"),
             translate("exports", "Comment"), translate("exports", "Changed"))
    head = "".join(f"<th>{name}</th>" for name in names)
    rows = "".join("<tr>" + "".join(f"<td>{_escape(cell)}</td>" for cell in [*row[:4], _local(row[4])])
                   + "</tr>" for row in _comment_rows(comments))
    summary = translate("exports", "Comment summary, {time}: {n} shared annotations").format(
        time=_moment(now), n=len(comments))
    return (f"<h1>{_escape(document.get('title', ''))}</h1>"
            f'<p class="meta">{_escape(summary)}</p>'
            f"<table><tr>{head}</tr>{rows}</table>")
