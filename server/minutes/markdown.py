"""A conclusion's Markdown (what the client's editor writes: paragraphs, bold, italic,
bullet and numbered lists) parsed into plain blocks both writers lay out.

Anything else Markdown allows (headings, quotes, code, links, tables) is kept as its text
in a paragraph: nothing a secretary wrote is lost, and no raw HTML passes through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    """Text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


Block = Para | ListBlock

_PARSER = MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline"])


@dataclass
class _Builder:
    """Walks markdown-it's flat token stream, keeping a stack of open lists and items."""

    out: list[Block] = field(default_factory=list)
    stack: list[tuple[str, list[object]]] = field(default_factory=list)

    def target(self) -> list[object]:
        return self.stack[-1][1] if self.stack else self.out  # type: ignore[return-value]

    def feed(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            self.stack.append((f"{kind[:-5]}:{start}", []))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            name, items = self.stack.pop()
            ordered, start = name.startswith("ordered"), int(name.rpartition(":")[2])
            self.target().append(ListBlock(ordered, tuple(tuple(i) for i in items), start))  # type: ignore[arg-type]
        elif kind == "list_item_open":
            self.stack.append(("item", []))
        elif kind == "list_item_close":
            _name, blocks = self.stack.pop()
            self.target().append(blocks)
        elif kind == "inline":
            runs = inline_runs(token.children or [])
            if runs:
                self.target().append(Para(runs))
        elif kind in ("fence", "code_block"):
            self.target().append(Para(tuple(Run(line) for line in token.content.splitlines() if line)))


def inline_runs(children: list[Token]) -> tuple[Run, ...]:
    """The styled runs of one paragraph (line breaks become spaces, as a reader expects)."""
    runs: list[Run] = []
    bold = italic = 0
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold > 0, italic > 0))
        elif child.type in ("text", "code_inline") and child.content:
            runs.append(Run(child.content, bold > 0, italic > 0))
    merged: list[Run] = []
    for run in runs:  # neighbours in the same style are one run (cleaner PDF text and DOCX)
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)


def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a conclusion's Markdown."""
    builder = _Builder()
    for token in _PARSER.parse(text):
        builder.feed(token)
    return tuple(builder.out)


def plain(blocks: tuple[Block, ...]) -> str:
    """The text of blocks, one paragraph or list item a line (for search and tests)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(block.text)
        else:
            for item in block.items:
                lines.append(plain(item))
    return "\n".join(lines)
