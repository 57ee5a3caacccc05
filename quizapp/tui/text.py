"""Showing untrusted text safely.

Everything a bank provides (titles, prompts, choices, explanations, sources,
tags) and anything else from outside (file paths, player names) goes through
these helpers before it reaches a widget. Textual parses plain strings given
to most widgets as markup, so ``[/`` would crash the app and
``[@click=app.quit]x[/]`` would become a live action; the helpers build
`Content` objects instead, which are never parsed. Terminal escape sequences
are removed and other control characters made visible, so bank text cannot
move the cursor, recolour the terminal or hide itself.
"""

from __future__ import annotations

import re

from textual.content import Content

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte ESC sequences.
_ANSI_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_TAB_WIDTH = 4
# Bidirectional overrides and isolates can reorder what follows them on screen.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible_control(char: str) -> str:
    """A printable stand-in for a control character (U+2400 block pictures)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def plain_text(text: str) -> str:
    """``text`` made safe to display literally.

    Removes ANSI escape sequences, expands tabs, turns CR LF and lone CR into
    newlines, and replaces every other control character (C0, DEL, C1 and
    bidirectional overrides) with a visible symbol. Newlines are kept.
    """
    if not text:
        return ""
    text = _ANSI_SEQUENCE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " " * _TAB_WIDTH)
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char == "\n" or (char.isprintable() and char not in _BIDI_CONTROLS):
            out.append(char)
        elif char in _BIDI_CONTROLS or ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(_visible_control(char))
        else:
            # Other non-printable characters (format characters such as
            # zero-width joiners) are harmless to the terminal: keep them.
            out.append(char)
    return "".join(out)


def one_line(text: str) -> str:
    """`plain_text` folded onto a single line (for list rows and titles)."""
    return " ".join(plain_text(text).split())


def literal(text: str, style: str = "") -> Content:
    """Untrusted ``text`` as `Content` that is never parsed as markup."""
    return Content.styled(plain_text(text), style) if style else Content(plain_text(text))


def literal_line(text: str, style: str = "") -> Content:
    """Like `literal`, folded onto one line."""
    return Content.styled(one_line(text), style) if style else Content(one_line(text))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = one_line(text)
    return line if len(line) <= width else line[: max(width - 1, 0)].rstrip() + "…"
