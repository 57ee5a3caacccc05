"""The line scanner that locates keys, tables and items in bank text."""

from __future__ import annotations

import tomli
from hypothesis import given
from hypothesis import strategies as st

from quizapp.banks.locate import SourceMap, _header_scan, _split_headers, scan_positions

TEXT = """\
# A comment with "quotes" and [[questions]] in it
format = 1  # trailing comment

[bank]
id = "t"
"title" = 'T'
source.title = "Nested by a dotted key"

[[questions]]
id = "a"
prompt = \"\"\"
[[questions]]
id = "not a key"
\"\"\"
choices = [
  "x",   # first
  "y",
]
pairs = [["l1", "r1"], ["l2", "r2"]]

[[questions]]
id = 'b'
explanation = '''
it's [[questions]] again '''
tolerance = 1.5
when = 1979-05-27 07:32:00
inline = { a = 1, "b c" = { d = [1, 2] } }
"""


def test_every_key_table_and_item_is_located() -> None:
    positions = scan_positions(TEXT)
    assert positions[("format",)] == (2, 1)
    assert positions[("bank",)] == (4, 1)
    assert positions[("bank", "id")] == (5, 1)
    assert positions[("bank", "title")] == (6, 1)
    assert positions[("bank", "source")] == (7, 1)
    assert positions[("bank", "source", "title")] == (7, 1)
    assert positions[("questions", 0)] == (9, 1)
    assert positions[("questions", 0, "prompt")] == (11, 1)
    assert positions[("questions", 0, "choices")] == (15, 1)
    assert positions[("questions", 0, "choices", 0)] == (16, 3)
    assert positions[("questions", 0, "choices", 1)] == (17, 3)
    assert positions[("questions", 0, "pairs", 1, 0)] == (19, 25)
    assert positions[("questions", 1)] == (21, 1)
    assert positions[("questions", 1, "id")] == (22, 1)
    assert positions[("questions", 1, "tolerance")] == (25, 1)
    assert positions[("questions", 1, "when")] == (26, 1)
    assert positions[("questions", 1, "inline", "b c", "d", 1)] == (27, 37)
    assert ("questions", 2) not in positions
    assert ("questions", 0, "id") in positions


def test_look_alike_headers_inside_strings_are_not_tables() -> None:
    data = tomli.loads(TEXT)
    source = SourceMap(TEXT, data)
    assert source.header_lines("questions", 2) == [9, 21]
    assert source.locate(("questions", 1, "explanation")) == (23, 1)


def test_missing_positions_fall_back_to_the_nearest_ancestor() -> None:
    source = SourceMap(TEXT, tomli.loads(TEXT))
    assert source.locate(("questions", 1, "answer")) == (21, 1)
    assert source.locate(("questions", 0, "choices", 7)) == (15, 1)
    assert source.locate(("nothing", 3)) == (1, 1)
    assert source.locate(()) == (1, 1)


def test_inline_array_of_tables() -> None:
    text = 'questions = [\n  { id = "a" },\n\n  { id = "b",\n    type = "text" },\n]\n'
    source = SourceMap(text, tomli.loads(text))
    assert source.header_lines("questions", 2) == [2, 4]
    assert source.locate(("questions", 1, "type")) == (5, 5)


def test_indented_and_quoted_headers() -> None:
    text = '  [[questions]]\nid = "a"\n[["questions"]]\nid = "b"\n[[ questions ]]\nid = "c"\n'
    source = SourceMap(text, tomli.loads(text))
    assert source.header_lines("questions", 3) == [1, 3, 5]
    assert source.locate(("questions", 0)) == (1, 3)


def test_nested_arrays_of_tables() -> None:
    text = "[[a]]\nx = 1\n[[a.b]]\ny = 2\n[[a]]\n[[a.b]]\n[[a.b]]\nz = 3\n"
    positions = scan_positions(text)
    assert positions[("a", 1, "b", 1, "z")] == (8, 1)
    assert positions[("a", 0, "b", 0, "y")] == (4, 1)


def test_escaped_quotes_in_strings() -> None:
    text = 'a = "say \\"hi\\" [[x]]"\nb = """ends with a quote""""\nc = 3\n'
    assert tomli.loads(text)["b"] == 'ends with a quote"'
    positions = scan_positions(text)
    assert positions[("c",)] == (3, 1)


def test_text_the_scanner_cannot_follow_gives_a_partial_map() -> None:
    assert scan_positions("a = 1\nb = [1,\n") == {("a",): (1, 1), ("b",): (2, 1), ("b", 0): (2, 6)}
    assert scan_positions("") == {}


def test_a_stray_triple_quote_does_not_stall_the_scan() -> None:
    text = '# a comment with """ and no end\n'
    text += "".join(f'x{n} = "a b \\"c\\" d"\n' for n in range(2000))
    text += '[["questions"]]\nid = "q"\n'
    source = SourceMap(text, tomli.loads(text))
    assert source.header_lines("questions", 1) == [2002]
    assert scan_positions(text)[("questions", 0, "id")] == (2003, 1)


header_lines = st.lists(
    st.sampled_from(
        [
            "[[questions]]",
            "  [[questions]] # c",
            "[[ actors ]]",
            "[bank]",
            'x = "[[questions]]"',
            "",
            "\t[[events]]",
            "[[questions.x]]",
            "[[a-b_c]]",
            "text",
            "\r",
        ]
    ),
    max_size=12,
)


@given(lines=header_lines, first_newline=st.booleans())
def test_the_quick_header_split_agrees_with_the_general_scan(
    lines: list[str], first_newline: bool
) -> None:
    text = ("\n" if first_newline else "") + "\n".join(lines)
    assert _split_headers(text) == _header_scan(text, [])
