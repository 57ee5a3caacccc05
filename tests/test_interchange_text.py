"""Moodle's text formats turned into plain text, and the note saying what changed."""

from __future__ import annotations

import pytest

from quizapp.interchange.text import Changes, to_plain_text


def plain(text: str, fmt: str) -> tuple[str, str]:
    changes = Changes()
    return to_plain_text(text, fmt, changes), changes.note()


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("10<sup>3</sup> + 2<sup>-1</sup>", "10³ + 2⁻¹"),
        ("H<sub>2</sub>O", "H₂O"),
        ("x<sup>n+1</sup>", "xⁿ⁺¹"),
        ("e<sup>iπ</sup>", "e^(iπ)"),
        ("x<sup>y</sup>", "x^y"),
        ("CO<sub>2 (g)</sub>", "CO_(2 (g))"),
    ],
)
def test_superscripts_and_subscripts(markup: str, text: str) -> None:
    assert plain(markup, "html")[0] == text


def test_the_issues_example_and_its_note() -> None:
    assert plain("10<sup>3</sup> + 2<sup>-1</sup>", "html") == (
        "10³ + 2⁻¹",
        "converted to plain text: 2 superscripts written as ¹²³ or ^(...)",
    )


def test_breaks_paragraphs_entities_lists_and_tables() -> None:
    markup = (
        "<p>One&nbsp;&amp; two</p><p>three<br>four</p>"
        "<ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>"
        "<table><tr><th>Year</th><th>Event</th></tr><tr><td>2016</td><td>coup</td></tr></table>"
    )
    assert plain(markup, "html") == (
        "One & two\nthree\nfour\n- a\n- b\n1. x\n2. y\nYear | Event\n2016 | coup",
        "",
    )


def test_links_images_audio_and_moodle_files_are_kept_with_a_note() -> None:
    markup = (
        '<p>Listen to <a href="https://example.org/wilson.mp3">the interview</a>, '
        'see <a href="https://example.org/">https://example.org/</a>.</p>'
        '<img src="@@PLUGINFILE@@/map.png" alt="a map of Turkey"><img src="flag.png">'
        '<audio controls><source src="clip.ogg"></audio>'
    )
    assert plain(markup, "html") == (
        "Listen to the interview (https://example.org/wilson.mp3), see https://example.org/.\n"
        "[image: a map of Turkey] (@@PLUGINFILE@@/map.png)[image] (flag.png) [audio] (clip.ogg)",
        "converted to plain text: 2 links written as 'text (url)'; 2 images written as "
        "'[image: alt] (url)'; 1 audio or video written as '[audio] (url)' or '[video] (url)'; "
        "1 file stored in Moodle (@@PLUGINFILE@@) and not in the file",
    )


def test_formatting_is_removed_with_a_note_and_scripts_are_dropped() -> None:
    assert plain("<b>Bold</b> <i>and</i> <script>alert(1)</script>done", "html") == (
        "Bold and done",
        "converted to plain text: HTML formatting removed",
    )


def test_html_format_takes_line_breaks_as_spaces() -> None:
    assert plain("one\ntwo", "html")[0] == "one two"


def test_moodle_format_is_html_with_line_breaks_kept() -> None:
    assert plain("one\n<b>two</b> &amp; three", "moodle") == (
        "one\ntwo & three",
        "converted to plain text: HTML formatting removed",
    )


@pytest.mark.parametrize("text", ["a < b and c > d", "AT&T", "x <y", "50% & more"])
def test_moodle_format_without_tags_or_entities_is_left_alone(text: str) -> None:
    assert plain(text, "moodle") == (text, "")


def test_plain_format_is_shown_as_written() -> None:
    assert plain("<b>not bold</b> &amp;", "plain") == ("<b>not bold</b> &amp;", "")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ('Who said **"Grant\'s tomb"**?', 'Who said "Grant\'s tomb"?'),
        ("*one* and _two_ and __three__", "one and two and three"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("# Heading\n`code` here", "Heading\ncode here"),
        ("see [the text](https://example.org)", "see the text (https://example.org)"),
        ("![a map](map.png)", "[image: a map] (map.png)"),
        ("a \\*literal\\* star", "a *literal* star"),
    ],
)
def test_markdown(markdown: str, text: str) -> None:
    assert plain(markdown, "markdown")[0] == text


def test_markdown_note() -> None:
    assert plain("**bold** [x](http://x)", "markdown")[1] == (
        "converted to plain text: Markdown formatting removed; 1 link written as 'text (url)'"
    )
