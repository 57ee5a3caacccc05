"""An article as the extractor sees it: its text, its paragraphs and which of
them are headings, read from plain text, Markdown or HTML.

HTML is reduced to text with the standard library's `html.parser`: block
elements become paragraphs, character references are decoded, and the
content of scripts, styles and other non-text elements is never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from quizapp.draft.lexicon import word_set

#: How an article is written: told from its file name (see `article_format`).
ArticleFormat = Literal["text", "markdown", "html"]

#: Elements whose content is never article text.
_SKIPPED = word_set(
    """script style noscript template svg canvas iframe object embed head nav aside
    form button select textarea math footer"""
)
#: Elements that start a new paragraph.
_BLOCKS = word_set(
    """p div br li ul ol dl dt dd blockquote section article header main figure
    figcaption pre table tr td th caption address hr h1 h2 h3 h4 h5 h6 title"""
)
_HEADINGS = word_set("h1 h2 h3 h4 h5 h6 title")
_VOID = word_set("br hr img input meta link area base col embed source track wbr")
_SPACE = re.compile(r"\s+")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_MD_PREFIX = re.compile(r"^ {0,3}(?:>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)")
_END_PUNCTUATION = tuple(".!?:;”\"’')…")


class ArticleProblem(Exception):
    """An article that cannot be drafted from; ``str(problem)`` says why."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the article text: ``text[start:end]``."""

    start: int
    end: int
    #: A headline or sub-heading: its quotation marks are not quotes.
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """The text the facts are drafted from, split into paragraphs."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    #: The article's own title when it has one (HTML title, first heading).
    title: str = ""


def article_format(name: str) -> ArticleFormat:
    """The format of an article file, from its name (``.html``/``.htm``,
    ``.md``/``.markdown``; anything else is plain text)."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def decode_article(data: bytes) -> str:
    """The text of an article file's bytes, or `ArticleProblem` saying why
    there is none: empty, binary, or not UTF-8."""
    if not data.strip():
        raise ArticleProblem("the file is empty")
    if b"\x00" in data[:65536]:
        raise ArticleProblem("this is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ArticleProblem(
            f"the text is not UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, "
            f"column {column}); save it as UTF-8"
        ) from None
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise ArticleProblem("this looks like a binary file, not text")
    return text


def parse_article(text: str, fmt: ArticleFormat = "text") -> Article:
    """The article in ``text``, split into paragraphs; `ArticleProblem` when
    it holds no words."""
    if fmt == "html":
        article = _html_article(text)
    else:
        article = _plain_article(text.replace("\r\n", "\n").replace("\r", "\n"), fmt)
    if not any(ch.isalpha() for ch in article.text):
        raise ArticleProblem("the article has no text")
    return article


def _plain_article(text: str, fmt: ArticleFormat) -> Article:
    """Paragraphs are separated by blank lines; a text with none has one
    paragraph per line."""
    if re.search(r"\n[ \t]*\n", text):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]
    else:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S.*", text)]
    paragraphs = []
    title = ""
    for number, (start, end) in enumerate(spans):
        heading = False
        if fmt == "markdown":
            marker = _MD_HEADING.match(text, start)
            if marker:
                start, heading = marker.end(), True
            else:
                prefix = _MD_PREFIX.match(text, start)
                start = prefix.end() if prefix else start
        chunk = text[start:end]
        if not heading:
            heading = _looks_like_heading(chunk, first=number == 0)
        if heading and not title:
            title = " ".join(chunk.split())
        if start < end:
            paragraphs.append(Paragraph(start, end, heading))
    return Article(text, tuple(paragraphs), title)


def _looks_like_heading(chunk: str, *, first: bool) -> bool:
    """A short single line without closing punctuation is a headline."""
    words = chunk.split()
    if "\n" in chunk.strip() or not words or len(words) > (20 if first else 14):
        return False
    return not chunk.rstrip().endswith(_END_PUNCTUATION)


class _TextCollector(HTMLParser):
    """Collects the text of an HTML document paragraph by paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, bool]] = []
        self.title = ""
        self._parts: list[str] = []
        self._skipping: list[str] = []
        self._heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag == self._skipping[-1] and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _SKIPPED and tag != "head":
            self._skipping.append(tag)
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self._heading += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping and tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS and self._heading:
            self._heading -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if not text:
            return
        if self._heading and not self.title:
            self.title = text
        self.paragraphs.append((text, self._heading > 0))

    def close(self) -> None:
        super().close()
        self._flush()


def _html_article(markup: str) -> Article:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    position = 0
    previous = ""
    for text, heading in collector.paragraphs:
        if text == previous:  # a <title> repeated as the <h1>
            continue
        previous = text
        if pieces:
            pieces.append("\n\n")
            position += 2
        pieces.append(text)
        paragraphs.append(Paragraph(position, position + len(text), heading))
        position += len(text)
    return Article("".join(pieces) + "\n", tuple(paragraphs), collector.title)
