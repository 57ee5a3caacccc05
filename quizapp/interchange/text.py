"""Moodle's text formats -> plain text, keeping a list of what was changed.

quizapp shows plain text only. Moodle's ``[html]`` and ``[moodle]`` texts
may hold HTML, and ``[markdown]`` texts Markdown; `to_plain_text` turns each
into the text a reader of the Moodle page would see, as faithfully as plain
text allows:

- ``<br>``, ``<p>`` and other blocks become line breaks, list items lines
  starting with ``-`` (or their number), table cells are joined by `` | ``;
  entities are decoded;
- ``<sup>`` and ``<sub>`` become Unicode superscripts and subscripts
  (``10³``, ``H₂O``), or ``^(...)`` and ``_(...)`` when a character has none;
- links become ``text (url)``, images ``[image: alt] (url)``, audio and
  video ``[audio] (url)`` and ``[video] (url)``, an embedded page
  ``[embedded page] (url)``;
- Markdown emphasis, code marks and headings are removed, links and images
  written as above.

A `Changes` records what each conversion changed, so that an importer can
give each question one note listing it.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

__all__ = ["FORMATS", "Changes", "clean", "to_plain_text"]

#: The format markers GIFT knows: ``[moodle]`` (the default), ``[html]``,
#: ``[plain]``, ``[markdown]``.
FORMATS = ("moodle", "html", "plain", "markdown")

_SUPER = str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
_SUB = str.maketrans("0123456789+-−=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ")
_SUPER_CHARS = frozenset("0123456789+-−=()ni")
_SUB_CHARS = frozenset("0123456789+-−=()aeoxhklmnpst")

#: A tag or an entity: the sign that a ``[moodle]`` text holds HTML.
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:/?[A-Za-z][^<>]*|!--.*?--)>|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL,
)
_MOODLE_FILE = "@@PLUGINFILE@@"


#: Each kind of change: how one, and how several, are described ("" for "no count").
_PHRASES: dict[str, tuple[str, str]] = {
    "formatting": ("HTML formatting removed", ""),
    "markdown": ("Markdown formatting removed", ""),
    "superscript": (
        "superscript written as ¹²³ or ^(...)",
        "superscripts written as ¹²³ or ^(...)",
    ),
    "subscript": ("subscript written as ₁₂₃ or _(...)", "subscripts written as ₁₂₃ or _(...)"),
    "link": ("link written as 'text (url)'", "links written as 'text (url)'"),
    "image": (
        "image written as '[image: alt] (url)'",
        "images written as '[image: alt] (url)'",
    ),
    "media": (
        "audio or video written as '[audio] (url)' or '[video] (url)'",
        "audio or video files written as '[audio] (url)' or '[video] (url)'",
    ),
    "moodle file": (
        "file stored in Moodle (@@PLUGINFILE@@) and not in the file",
        "files stored in Moodle (@@PLUGINFILE@@) and not in the file",
    ),
}


class Changes:
    """What converting the texts of one question changed."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, kind: str) -> None:
        """Count one change of ``kind`` (a key of `_PHRASES`)."""
        self.counts[kind] += 1

    def note(self) -> str:
        """One sentence listing the changes, or "" when there were none."""
        parts = []
        for kind, (one, many) in _PHRASES.items():
            count = self.counts[kind]
            if not count:
                continue
            if not many:
                parts.append(one)
            elif count == 1:
                parts.append(f"1 {one}")
            else:
                parts.append(f"{count} {many}")
        return "converted to plain text: " + "; ".join(parts) if parts else ""


def clean(text: str) -> str:
    """Spaces collapsed in each line, lines stripped, at most one empty line."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def to_plain_text(text: str, fmt: str, changes: Changes) -> str:
    """``text`` in Moodle format ``fmt`` (one of `FORMATS`) as plain text.

    In ``moodle`` format a line break is a line break and HTML is allowed;
    in ``html`` format line breaks are spaces; ``plain`` text is shown as
    written. Whatever is changed is recorded in ``changes``.
    """
    if fmt == "plain":
        return clean(text)
    if fmt == "markdown":
        return _markdown_to_text(text, changes)
    if fmt == "html":
        return _html_to_text(text.replace("\n", " "), changes)
    if _LOOKS_LIKE_HTML.search(text):
        return _html_to_text(text.replace("\n", "<br>"), changes)
    return clean(text)


def _script(text: str, sup: bool) -> str:
    """``text`` raised (``sup``) or lowered, with Unicode characters when each has one."""
    chars, table, mark = (_SUPER_CHARS, _SUPER, "^") if sup else (_SUB_CHARS, _SUB, "_")
    text = " ".join(text.split())
    if not text:
        return ""
    if all(char in chars for char in text):
        return text.translate(table)
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"


def _media(kind: str, url: str) -> str:
    return f"[{kind}] ({url})" if url else f"[{kind}]"


class _PlainText(HTMLParser):
    """Collects the text of an HTML fragment as plain text (see the module)."""

    _BLOCKS = frozenset(
        {"br", "p", "div", "tr", "table", "ul", "ol", "blockquote", "pre", "hr", "dl", "dt"}
        | {"dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "figure"}
        | {"figcaption", "header", "footer", "address", "center"}
    )
    _STRUCTURE = (
        _BLOCKS
        | {"a", "img", "sup", "sub", "li", "td", "th", "audio", "video"}
        | {
            "source",
            "iframe",
            "tbody",
            "thead",
            "tfoot",
            "html",
            "body",
        }
    )
    _SKIP = frozenset({"script", "style", "head", "title"})

    def __init__(self, changes: Changes) -> None:
        super().__init__(convert_charrefs=True)
        self.changes = changes
        self.out: list[str] = []
        self._skipping = 0
        #: Open <a>, <sup> and <sub>: (tag, href, where their text starts in `out`).
        self._captures: list[tuple[str, str, int]] = []
        #: Open lists: the number of the next item (0 for a bulleted list).
        self._lists: list[int] = []
        self._media: list[str] = []
        self._cells = 0

    def _url(self, url: str) -> str:
        if _MOODLE_FILE in url:
            self.changes.add("moodle file")
        return url.strip()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in self._SKIP:
            self._skipping += 1
            return
        if tag not in self._STRUCTURE:
            self.changes.add("formatting")
        if tag in ("a", "sup", "sub"):
            href = self._url(values.get("href", "")) if tag == "a" else ""
            self._captures.append((tag, href, len(self.out)))
        elif tag == "img":
            self.changes.add("image")
            alt = " ".join(values.get("alt", "").split())
            label = f"[image: {alt}]" if alt else "[image]"
            src = self._url(values.get("src", ""))
            self.out.append(f"{label} ({src})" if src else label)
        elif tag in ("audio", "video"):
            self._media.append(tag)
            if values.get("src"):
                self.changes.add("media")
                self.out.append(" " + _media(tag, self._url(values["src"])) + " ")
        elif tag == "source" and self._media and values.get("src"):
            self.changes.add("media")
            self.out.append(" " + _media(self._media[-1], self._url(values["src"])) + " ")
        elif tag == "iframe":
            self.changes.add("link")
            self.out.append(" " + _media("embedded page", self._url(values.get("src", ""))) + " ")
        elif tag in ("ul", "ol"):
            self._lists.append(1 if tag == "ol" else 0)
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n" + self._bullet())
        elif tag == "tr":
            self._cells = 0
            self.out.append("\n")
        elif tag in ("td", "th"):
            if self._cells:
                self.out.append(" | ")
            self._cells += 1
        elif tag in self._BLOCKS:
            self.out.append("\n")

    def _bullet(self) -> str:
        if not self._lists or not self._lists[-1]:
            return "- "
        number = self._lists[-1]
        self._lists[-1] += 1
        return f"{number}. "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("img", "br", "hr", "source"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in ("a", "sup", "sub"):
            self._close_capture(tag)
        elif tag in ("audio", "video"):
            if self._media:
                self._media.pop()
        elif tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            self.out.append("\n")
        elif tag in self._BLOCKS:
            self.out.append("\n")

    def _close_capture(self, tag: str) -> None:
        """Replace the text of the innermost open ``tag`` by its plain form."""
        for index in range(len(self._captures) - 1, -1, -1):
            if self._captures[index][0] == tag:
                break
        else:
            return
        _, href, start = self._captures[index]
        del self._captures[index:]
        inner = " ".join("".join(self.out[start:]).split())
        del self.out[start:]
        if tag == "a":
            if href:
                self.changes.add("link")
            if not href or href == inner:
                self.out.append(inner or href)
            else:
                self.out.append(f"{inner} ({href})" if inner else href)
        else:
            self.changes.add("superscript" if tag == "sup" else "subscript")
            self.out.append(_script(inner, tag == "sup"))

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.out.append(data)

    def text(self) -> str:
        """The plain text collected so far, captures still open included."""
        while self._captures:
            self._close_capture(self._captures[-1][0])
        lines = (" ".join(line.split()) for line in "".join(self.out).split("\n"))
        return "\n".join(line for line in lines if line)


def _html_to_text(markup: str, changes: Changes) -> str:
    parser = _PlainText(changes)
    parser.feed(markup)
    parser.close()
    return parser.text()


_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_MD_EM_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def _markdown_to_text(text: str, changes: Changes) -> str:
    before = text

    def image(found: re.Match[str]) -> str:
        changes.add("image")
        alt = found.group(1).strip()
        return f"[image: {alt}] ({found.group(2)})" if alt else f"[image] ({found.group(2)})"

    def link(found: re.Match[str]) -> str:
        changes.add("link")
        label, url = found.group(1).strip(), found.group(2)
        return url if label == url else f"{label} ({url})"

    text = _MD_IMAGE.sub(image, text)
    text = _MD_LINK.sub(link, text)
    styled = _MD_HEADING.sub(r"\1", text)
    styled = _MD_CODE.sub(r"\1", styled)
    styled = _MD_STRONG.sub(r"\2", styled)
    styled = _MD_EM_STAR.sub(r"\1", styled)
    styled = _MD_EM_UNDERSCORE.sub(r"\1", styled)
    styled = _MD_ESCAPE.sub(r"\1", styled)
    if styled != text:
        changes.add("markdown")
    if _MOODLE_FILE in before:
        changes.add("moodle file")
    if _LOOKS_LIKE_HTML.search(styled):
        return _html_to_text(styled.replace("\n", "<br>"), changes)
    return clean(styled)
