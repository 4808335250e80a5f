"""Links out of an Office document's XML: found with a real XML parser, removed by rewriting.

LibreOffice follows what a document points at while it converts: an image or object at
``file:///…`` or ``http://…`` (ODF ``xlink:href``, VML ``src``), an OOXML relationship with
``TargetMode="External"`` (linked images, OLE links, attached templates, subdocuments), and
Word fields that pull content in (INCLUDEPICTURE, INCLUDETEXT, DDE, …). Whatever it fetched
would end up in the PDF. The conversion sandbox already has no network and no files but the
upload; this module removes the links beforehand as well.

``findings`` parses one XML member with expat (namespaces resolved, character references
decoded, so no spelling hides a link) and names every link out. ``neutralize`` rewrites the
member's bytes (an external reference becomes empty, a dangerous field loses its
instruction and shows its last result) and is checked again by ``findings``: what it could
not remove refuses the file. A DTD is refused outright: Office files never have one, and
entities are how XML hides content or fetches files.
"""

from __future__ import annotations

import html
import re
import xml.parsers.expat
from dataclasses import dataclass, field

from server.documents.refusals import unprocessable

FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "DDE", "DDEAUTO", "LINK",
                    "DATABASE", "RD"})
"""Word fields whose instruction loads something from outside the document."""
LINK_SCHEMES = ("http:", "https:", "mailto:")
"""What a hyperlink may point at (LibreOffice writes it into the PDF; it never loads it)."""
HYPERLINK_TYPE = "/hyperlink"
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class DoctypeFound(Exception):
    """The XML declares a DTD."""


def is_external(value: str) -> bool:
    """Whether a reference leaves the package: a URL or scheme (``C:`` too), an absolute path,
    or a relative one climbing out (ODF resolves ``../x`` beside the document on disk)."""
    value = value.strip()
    if not value or value.startswith("#"):
        return False
    if SCHEME.match(value) or value.startswith(("/", "\\")):
        return True
    return ".." in re.split(r"[/\\]", value)


def allowed_hyperlink(target: str) -> bool:
    return target.strip().lower().startswith(LINK_SCHEMES)


def _link_out(element: str, value: str) -> bool:
    """Whether an href or src on ``element`` (a local name) leaves the package; a hyperlink
    (ODF's ``a``) to the web or to mail does not count, it is never loaded."""
    return is_external(value) and not (element == "a" and allowed_hyperlink(value))


def field_is_dangerous(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].lstrip("\\").upper() in FIELDS


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]  # expat gives "namespace-uri local" with namespaces on


@dataclass
class _Scan:
    """What one parse found; fields are tracked as Word nests them (begin … separate … end)."""

    found: list[str] = field(default_factory=list)
    fields: list[list[str]] = field(default_factory=list)
    """Instruction pieces of each open complex field, innermost last."""
    in_instr: bool = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "Relationship":
            self._relationship(attrs)
        elif local == "fldChar":
            self._field_char(attrs)
        elif local == "instrText":
            self.in_instr = True
        elif local == "fldSimple":
            instr = next((v for k, v in attrs.items() if _local(k) == "instr"), "")
            if field_is_dangerous(instr):
                self.found.append(f"a {instr.split()[0].upper()} field")
        elif local == "event-listener" and any(
                _local(k) in ("href", "macro-name") and v.strip() for k, v in attrs.items()):
            self.found.append("a macro attached to an event")
        for key, value in attrs.items():
            if _local(key) in ("href", "src") and _link_out(local, value):
                self.found.append(f"a link to {value.strip()[:80]}")

    def end(self, name: str) -> None:
        if _local(name) == "instrText":
            self.in_instr = False

    def text(self, data: str) -> None:
        if self.in_instr and self.fields:
            self.fields[-1].append(data)
        elif self.in_instr:  # instruction text outside any field: judged on its own
            self._judge(data)

    def _field_char(self, attrs: dict[str, str]) -> None:
        kind = next((v for k, v in attrs.items() if _local(k) == "fldCharType"), "")
        if kind == "begin":
            self.fields.append([])
        elif kind in ("separate", "end") and self.fields:
            pieces = self.fields[-1]
            if pieces:
                self._judge("".join(pieces))
                pieces.clear()  # judged once, at the first separate or end
            if kind == "end":
                self.fields.pop()

    def _judge(self, instruction: str) -> None:
        if field_is_dangerous(instruction):
            self.found.append(f"a {instruction.split()[0].lstrip(chr(92)).upper()} field")

    def _relationship(self, attrs: dict[str, str]) -> None:
        if attrs.get("TargetMode", "").strip().lower() != "external":
            return
        target = attrs.get("Target", "")
        if attrs.get("Type", "").endswith(HYPERLINK_TYPE) and allowed_hyperlink(target):
            return
        self.found.append(f"an external {attrs.get('Type', '').rsplit('/', 1)[-1] or 'link'} "
                          f"to {target.strip()[:80]}")


def findings(data: bytes) -> list[str]:
    """The links out of one XML member (empty: none); DoctypeFound or ExpatError when it
    declares a DTD or is not well-formed XML."""
    scan = _Scan()
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def doctype(*_: object) -> None:
        raise DoctypeFound

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.Parse(data, True)
    return scan.found


# ------------------------------------------------------------------------------ rewriting

_ATTRS = rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)" + _ATTRS + rb"(\s*/?>)")
"""A start tag, its attributes quoted either way (a quoted value may hold ``>``)."""
ATTR = re.compile(rb"(\s+)([^\s=/>]+)(\s*=\s*)(\"[^\"]*\"|'[^']*')")
INSTR = re.compile(rb"(<(?:[\w.-]+:)?instrText\b" + _ATTRS + rb"\s*>)(.*?)(</(?:[\w.-]+:)?instrText\s*>)",
                   re.DOTALL)


def _value(quoted: bytes) -> str:
    return html.unescape(quoted[1:-1].decode("utf-8", "replace"))


def _attr_local(name: bytes) -> bytes:
    return name.rsplit(b":", 1)[-1]


def _rewrite_tag(match: re.Match[bytes]) -> bytes:
    local = match.group(2)
    attrs = {_attr_local(a.group(2)): _value(a.group(4)) for a in ATTR.finditer(match.group(3))}
    if local == b"Relationship" and attrs.get(b"TargetMode", "").strip().lower() == "external":
        target = attrs.get(b"Target", "")
        if not (attrs.get(b"Type", "").endswith(HYPERLINK_TYPE) and allowed_hyperlink(target)):
            # The relationship stays (parts name it by id) but points nowhere outside.
            return _set_attrs(match, {b"Target": b"", b"TargetMode": b"Internal"})
        return match.group(0)
    name = local.decode("utf-8", "replace")
    changes = {key: b"" for key, value in attrs.items()
               if (key in (b"href", b"src") and _link_out(name, value))
               or (key == b"instr" and local == b"fldSimple" and field_is_dangerous(value))
               or key == b"macro-name" or (local == b"event-listener" and key == b"href")}
    return _set_attrs(match, changes) if changes else match.group(0)


def _set_attrs(match: re.Match[bytes], changes: dict[bytes, bytes]) -> bytes:
    def one(attr: re.Match[bytes]) -> bytes:
        new = changes.get(_attr_local(attr.group(2)))
        if new is None:
            return attr.group(0)
        return attr.group(1) + attr.group(2) + attr.group(3) + b'"' + new + b'"'

    return match.group(0)[: match.start(3) - match.start(0)] + ATTR.sub(one, match.group(3)) + match.group(4)


def neutralize(name: str, data: bytes, strict: bool = True) -> bytes:
    """``data`` (the member ``name``) without links out; FileRefused when it cannot be made so.

    ``strict``: a member that is not well-formed XML is refused (else it is left as it is:
    a part that merely starts with ``<`` and that no XML reader can read either).
    """
    try:
        found = findings(data)
    except DoctypeFound:
        raise unprocessable(f"The document's part {name} declares an XML document type (DTD), which "
                            "Office documents never do; it is how XML pulls in outside content") from None
    except xml.parsers.expat.ExpatError as error:
        if not strict:
            return data
        raise unprocessable(f"The document's part {name} is not well-formed XML ({error})") from None
    if not found:
        return data
    rewritten = TAG.sub(_rewrite_tag, data)
    if any("field" in what for what in found):
        # Every instruction of the part goes: a field then shows the result it was saved
        # with, as Word shows it, and nothing is fetched to refresh it.
        rewritten = INSTR.sub(lambda m: m.group(1) + m.group(4), rewritten)
    try:
        left = findings(rewritten)
    except (DoctypeFound, xml.parsers.expat.ExpatError):
        left = found
    if left:
        raise unprocessable(f"The document's part {name} holds {left[0]}, which could not be removed; "
                            "remove it (or embed the content) and upload the document again")
    return rewritten
