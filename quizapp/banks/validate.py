"""Parsed TOML -> `Bank`: every rule of bank format 1, every problem located.

See ``docs/bank-format.md`` for the rules; each is checked here or in
`quizapp.banks.questions`.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal, TypeAlias, TypeVar

from quizapp.banks.checker import (
    Checker,
    Table,
    describe,
    describe_number,
    did_you_mean,
    type_name,
)
from quizapp.banks.keys import (
    ACTOR_KEYS,
    BANK_KEYS,
    DEFAULTS_KEYS,
    EVENT_KEYS,
    QUOTE_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
)
from quizapp.banks.limits import MAX_ID, MAX_NAME_BYTES, MAX_PATH, MAX_POINTS
from quizapp.banks.locate import SourceMap, Where
from quizapp.banks.questions import MATCH_BY_NAME, read_question
from quizapp.model import (
    ALL_GENERATED_KINDS,
    FORMAT_VERSION,
    GENERATED_KINDS,
    MATCH_MODES,
    Actor,
    Bank,
    BankError,
    BankProblem,
    Defaults,
    Event,
    GeneratedKind,
    Location,
    Question,
    Quote,
    SourceInfo,
)

#: Anything with an id: a fact or a question.
Identified = Actor | Event | Quote | Question
BANK_ID = re.compile(r"[a-z0-9_.-]+")

T = TypeVar("T")
#: The objects read from one array of tables, and where each one's table is
#: (a table that could not be read has no object).
Read: TypeAlias = tuple[list[Where], list[T]]
#: Ids to check once every fact is known: the table, the key, the ids, and
#: whether they must name actors or any fact.
Reference = tuple[Where, str, tuple[str, ...], Literal["actor", "fact"]]
_ID = operator.attrgetter("id")


def _newer_format(path: str, version: int, source: SourceMap) -> BankProblem:
    """The one problem reported for a bank written for a newer quizapp."""
    line, col = source.locate(("format",))
    return BankProblem(
        Location(path, line, col),
        f"this bank needs a newer quizapp (format {describe_number(version)}; "
        f"this version reads format {FORMAT_VERSION})",
    )


def build_bank(
    data: Mapping[str, object], source: SourceMap, path: str, file: Path
) -> Bank | BankError:
    """Validate ``data`` (a parsed bank file) and build its `Bank`, or return
    every problem found. ``path`` is how locations name the file."""
    c = Checker(path, source)
    version = data.get("format")
    if type(version) is int and version > FORMAT_VERSION:
        return BankError(file, (_newer_format(path, version, source),))
    if version is None:
        c.error((), f"missing required key 'format' (write format = {FORMAT_VERSION} at the top)")
    elif type(version) is not int:
        c.error(("format",), f"'format' must be an integer, found {type_name(version)}")
    elif version < 1:
        c.error(("format",), f"'format' must be {FORMAT_VERSION}, found {describe_number(version)}")
    c.unknown_keys(data, (), TOP_KEYS)

    bank_table = c.table(data, (), "bank", required=True)
    defaults = _defaults(c, c.table(data, (), "defaults", required=False))
    ids = _Ids()
    actors = _facts(c, data, "actors", _actor, ids.actor)
    events = _facts(c, data, "events", _event, ids.event)
    quotes = _facts(c, data, "quotes", _quote, ids.quote)
    ids.facts = set(ids.seen)
    questions = _questions(c, data, defaults, ids.question)
    if ids.repeated:
        _check_ids(c, (actors, events, quotes, questions))
    if ids.dangling:
        _check_references(c, actors, events, quotes, questions)

    # Tables that failed to load still count: their own problems say what is wrong.
    has_tables = bool(data.get("questions"))
    bank = _bank(
        c, bank_table, defaults, actors[1], events[1], quotes[1], questions[1], has_tables, file
    )
    problems = sorted(c.problems, key=lambda p: (p.location.line, p.location.col))
    if c.dropped:
        last = problems[-1].location
        more = f"... and {c.dropped:,} more problems (fix these first)"
        problems.append(BankProblem(last, more, "error" if c.errors else "warning"))
    if c.errors or bank is None:
        return BankError(file, tuple(problems))
    return replace(bank, warnings=tuple(problems)) if problems else bank


def _bank(
    c: Checker,
    table: Table | None,
    defaults: Defaults,
    actors: list[Actor],
    events: list[Event],
    quotes: list[Quote],
    questions: list[Question],
    has_tables: bool,
    file: Path,
) -> Bank | None:
    if table is None:
        return None
    where: Where = ("bank",)
    c.unknown_keys(table, where, BANK_KEYS)
    bank_id = c.text(table, where, "id", required=True, limit=MAX_ID)
    if bank_id and not BANK_ID.fullmatch(bank_id):
        c.error(
            (*where, "id"),
            f"'id' {describe(bank_id)} may only use lower-case letters, digits, '-', '_' and '.'",
        )
    title = c.text(table, where, "title", required=True)
    description = c.text(table, where, "description")
    tags = c.texts(table, where, "tags") or ()
    kinds = _generate(c, table, where, ALL_GENERATED_KINDS, "the fact tables")
    generate = kinds != ()
    source = _source_info(c, c.table(table, where, "source", required=False))
    if not has_tables and not (generate and (actors or events or quotes)):
        c.error(
            where,
            "the bank has no questions: add [[questions]] tables, "
            "or facts ([[actors]], [[events]], [[quotes]]) to generate questions from",
        )
    return Bank(
        id=bank_id,
        title=title,
        format=FORMAT_VERSION,
        description=description,
        tags=tags,
        source=source,
        defaults=defaults,
        generate=generate,
        generated_kinds=kinds or ALL_GENERATED_KINDS,
        actors=tuple(actors),
        events=tuple(events),
        quotes=tuple(quotes),
        questions=tuple(questions),
        path=file,
    )


def _source_info(c: Checker, table: Table | None) -> SourceInfo | None:
    if table is None:
        return None
    where: Where = ("bank", "source")
    c.unknown_keys(table, where, SOURCE_KEYS)
    return SourceInfo(
        title=c.text(table, where, "title", required=True),
        author=c.text(table, where, "author"),
        url=c.text(table, where, "url"),
        file=_source_file(c, table, where),
    )


def _source_file(c: Checker, table: Table, where: Where) -> str:
    """``[bank.source] file``: a path no file system refuses outright (no
    control characters such as NUL, no name over `MAX_NAME_BYTES` bytes)."""
    file = c.text(table, where, "file", limit=MAX_PATH)
    bad = next((char for char in file if unicodedata.category(char) == "Cc"), None)
    if bad is not None:
        c.error(
            (*where, "file"),
            f"'file' contains a control character (U+{ord(bad):04X}); give the name of a text file",
        )
        return ""
    for part in re.split(r"[/\\]", file):
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            c.error(
                (*where, "file"),
                f"'file' has a folder or file name of more than {MAX_NAME_BYTES} bytes, "
                f"which file systems do not allow: {describe(part, 40)}",
            )
            return ""
    return file


def _defaults(c: Checker, table: Table | None) -> Defaults:
    if table is None:
        return Defaults()
    where: Where = ("defaults",)
    c.unknown_keys(table, where, DEFAULTS_KEYS)
    base = Defaults()
    return Defaults(
        points=c.integer(table, where, "points", 1, MAX_POINTS, base.points),
        match=MATCH_BY_NAME[c.choice_of(table, where, "match", MATCH_MODES, base.match)],
        difficulty=c.integer(table, where, "difficulty", 1, 3, base.difficulty),
    )


def _array_of_tables(c: Checker, data: Table, name: str) -> list[object]:
    """The array ``name`` (empty when absent or not an array)."""
    value = data.get(name)
    if value is None:
        return []
    if type(value) is not list:
        found = type_name(value)
        c.error((name,), f"'{name}' must be an array of tables ([[{name}]]), found {found}")
        return []
    return value


class _Ids:
    """The ids read so far, and whether every reference read so far names an
    actor or fact (``facts`` is set once the facts are read).

    Objects are noted as soon as they are built, while they are still in the
    CPU cache; the problems are found and reported afterwards, by
    `_check_ids` and `_check_references`, only when there are some.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.count = 0
        self.actors: set[str] = set()
        self.facts: set[str] = set()
        self.dangling = False

    @property
    def repeated(self) -> bool:
        """Whether an id was used twice."""
        return len(self.seen) != self.count

    # A missing id ("") was reported already, and repeats nothing. The
    # methods run once per table: no shared helper, one call each.

    def actor(self, actor: Actor) -> None:
        """Note an actor."""
        if actor.id:
            self.seen.add(actor.id)
            self.count += 1
        self.actors.add(actor.id)

    def event(self, event: Event) -> None:
        """Note an event and the actors it names."""
        if event.id:
            self.seen.add(event.id)
            self.count += 1
        if not self.actors.issuperset(event.actors):
            self.dangling = True

    def quote(self, quote: Quote) -> None:
        """Note a quote and its speaker."""
        if quote.id:
            self.seen.add(quote.id)
            self.count += 1
        if quote.speaker and quote.speaker not in self.actors:
            self.dangling = True

    def question(self, question: Question) -> None:
        """Note a question and the facts it is about."""
        if question.id:
            self.seen.add(question.id)
            self.count += 1
        if not self.facts.issuperset(question.about):
            self.dangling = True


def _facts(
    c: Checker,
    data: Table,
    name: str,
    check: Callable[[Checker, Table, Where, int], T],
    note: Callable[[T], object],
) -> Read[T]:
    """The facts of the array ``name``, each table checked by ``check``
    (recording its problems) and each fact ``note``d."""
    tables = _array_of_tables(c, data, name)
    lines = c.source.header_lines(name, len(tables))
    return _read_tables(
        c, name, tables, lambda table, where, index: check(c, table, where, lines[index]), note
    )


def _questions(
    c: Checker, data: Table, defaults: Defaults, note: Callable[[Question], object]
) -> Read[Question]:
    """The hand-written questions, each table checked key by key and each
    question ``note``d."""
    tables = _array_of_tables(c, data, "questions")
    return _read_tables(
        c,
        "questions",
        tables,
        lambda table, where, _: _checked_question(c, table, where, defaults),
        note,
    )


def _read_tables(
    c: Checker,
    name: str,
    tables: list[object],
    check: Callable[[Table, Where, int], T | None],
    note: Callable[[T], object],
) -> Read[T]:
    """The objects of the array ``name``: what ``check(table, where, index)``
    reads from each table, recording problems; each object ``note``d."""
    wheres: list[Where] = []
    items: list[T] = []
    for index, table in enumerate(tables):
        where: Where = (name, index)
        if type(table) is not dict:
            c.error(where, f"each entry of '{name}' must be a table, found {type_name(table)}")
            continue
        item = check(table, where, index)
        if item is None:
            continue
        note(item)
        wheres.append(where)
        items.append(item)
    return wheres, items


def _generate(
    c: Checker, table: Table, where: Where, allowed: tuple[GeneratedKind, ...], made_from: str
) -> tuple[GeneratedKind, ...] | None:
    """The ``generate`` key of [bank] or of a fact: None when absent or true
    (every kind, also after an error), ``()`` when false, else the kinds it
    lists."""
    value = table.get("generate")
    if value is None or value is True:
        return None
    if value is False:
        return ()
    listed = ", ".join(allowed)
    if type(value) is not list:
        c.error(
            (*where, "generate"),
            f"'generate' must be true, false or an array of question kinds ({listed}), "
            f"found {type_name(value)}",
        )
        return None
    kinds: list[GeneratedKind] = []
    errors = c.errors
    for number, item in enumerate(value):
        at: Where = (*where, "generate", number)
        kind = next((kind for kind in allowed if kind == item), None)
        if kind is None:
            shown = describe(item) if type(item) is str else type_name(item)
            hint = did_you_mean(item, allowed) if type(item) is str else ""
            c.error(
                at,
                f"'generate' item {number + 1} {shown} is not a kind of question made from "
                f"{made_from}{hint} (kinds: {listed})",
            )
        elif kind in kinds:
            c.error(at, f"duplicate kind {describe(kind)}")
        else:
            kinds.append(kind)
    return tuple(kinds) if c.errors == errors else None


def _actor(c: Checker, table: Table, where: Where, line: int) -> Actor:
    c.unknown_keys(table, where, ACTOR_KEYS)
    return Actor(
        id=c.ident(table, where),
        name=c.text(table, where, "name", required=True),
        kind=c.text(table, where, "kind", required=True),
        role=c.text(table, where, "role", required=True),
        aliases=c.texts(table, where, "aliases") or (),
        description=c.text(table, where, "description"),
        source=c.text(table, where, "source"),
        line=line,
        author=c.flag(table, where, "author", default=False),
        generate=_generate(c, table, where, GENERATED_KINDS["actors"], "actors"),
    )


def _event(c: Checker, table: Table, where: Where, line: int) -> Event:
    c.unknown_keys(table, where, EVENT_KEYS)
    identifier = c.ident(table, where)
    when = c.text(table, where, "when", required=True)
    sort_key, year = _sort_key(c, table, where)
    what = c.text(table, where, "what", required=True)
    actors = c.texts(table, where, "actors") or ()
    return Event(
        id=identifier,
        when=when,
        sort_key=sort_key,
        what=what,
        year=year,
        approximate=c.flag(table, where, "approximate", default=False),
        actors=actors,
        note=c.text(table, where, "note"),
        source=c.text(table, where, "source"),
        line=line,
        generate=_generate(c, table, where, GENERATED_KINDS["events"], "events"),
    )


def _sort_key(c: Checker, table: Table, where: Where) -> tuple[dt.date, int | None]:
    """An event's sort key and year, from ``date`` and/or ``year``."""
    date_value, year_value = table.get("date"), table.get("year")
    date: dt.date | None = None
    year: int | None = None
    if date_value is not None:
        if isinstance(date_value, dt.date) and not isinstance(date_value, dt.datetime):
            date, year = date_value, date_value.year
        else:
            found = type_name(date_value)
            c.error((*where, "date"), f"'date' must be a date such as 2016-07-15, found {found}")
    if year_value is not None:
        if type(year_value) is not int:
            found = type_name(year_value)
            c.error((*where, "year"), f"'year' must be an integer such as 2016, found {found}")
        elif not dt.MINYEAR <= year_value <= dt.MAXYEAR:
            found = describe_number(year_value)
            c.error((*where, "year"), f"'year' must be between 1 and 9999, found {found}")
        elif date is not None and year_value != date.year:
            c.error((*where, "year"), f"'year' {year_value} does not match 'date' {date}")
        else:
            year = year_value
    if date_value is None and year_value is None:
        c.error(where, "missing 'date' or 'year' (the event's place on the timeline)")
    if date is None:
        date = dt.date(year or dt.MINYEAR, 1, 1)
    return date, year


def _quote(c: Checker, table: Table, where: Where, line: int) -> Quote:
    c.unknown_keys(table, where, QUOTE_KEYS)
    identifier = c.ident(table, where)
    text = c.text(table, where, "text", required=True)
    speaker = c.text(table, where, "speaker", required=True)
    return Quote(
        id=identifier,
        text=text,
        speaker=speaker,
        context=c.text(table, where, "context"),
        source=c.text(table, where, "source"),
        line=line,
        generate=_generate(c, table, where, GENERATED_KINDS["quotes"], "quotes"),
    )


def _checked_question(
    c: Checker, table: Table, where: Where, defaults: Defaults
) -> Question | None:
    """A question table checked key by key, every problem recorded."""
    question = read_question(c, table, where, defaults)
    if question is None:
        return None
    name = describe(question.id) if question.id else "this question"
    if not question.explanation.strip():
        c.warning(where, f"question {name} has no explanation (shown after answering)")
    if not question.source.strip():
        c.warning(where, f"question {name} has no source (the excerpt that proves the answer)")
    return question


def _check_ids(
    c: Checker, groups: tuple[tuple[Sequence[Where], Sequence[Identified]], ...]
) -> None:
    """Ids are unique across the facts and questions of a bank; a repeat is
    reported where it occurs later in the file."""
    entries = [
        (where, item.id)
        for wheres, items in groups
        for where, item in zip(wheres, items, strict=True)
        if item.id
    ]
    first: dict[str, Where] = {}
    for where, identifier in sorted(entries, key=lambda entry: c.source.locate(entry[0])):
        if identifier not in first:
            first[identifier] = where
            continue
        line = c.source.line((*first[identifier], "id"))
        message = f"duplicate id {describe(identifier)}: already used on line {line}"
        c.error((*where, "id"), message)


def _check_references(
    c: Checker,
    actors: Read[Actor],
    events: Read[Event],
    quotes: Read[Quote],
    questions: Read[Question],
) -> None:
    """Quote speakers and event actors name actors; ``about`` names facts."""
    actor_ids = set(map(_ID, actors[1]))
    fact_ids = actor_ids.union(map(_ID, events[1]), map(_ID, quotes[1]))
    refs: list[Reference] = [
        *(
            (at, "actors", event.actors, "actor")
            for at, event in zip(*events, strict=True)
            if event.actors
        ),
        *(
            (at, "speaker", (quote.speaker,), "actor")
            for at, quote in zip(*quotes, strict=True)
            if quote.speaker
        ),
        *(
            (at, "about", question.about, "fact")
            for at, question in zip(*questions, strict=True)
            if question.about
        ),
    ]
    for where, key, targets, kind in refs:
        known = actor_ids if kind == "actor" else fact_ids
        if known.issuperset(targets):
            continue
        what = "an actor" if kind == "actor" else "an actor, event or quote"
        for number, target in enumerate(targets):
            if target not in known:
                hint = did_you_mean(target, known)
                if key == "speaker":
                    at, label = (*where, key), f"'{key}'"
                else:
                    at, label = (*where, key, number), f"'{key}' item {number + 1}"
                c.error(at, f"{label} {describe(target)} is not {what} of this bank{hint}")
