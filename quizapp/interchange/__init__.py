"""Moodle GIFT and Aiken, and CSV for spreadsheets: import and export.
No Textual here.

Public API::

    export_gift(bank, questions=None) -> ExportResult     quizapp.interchange.gift_export
    export_aiken(bank, questions=None) -> ExportResult    quizapp.interchange.aiken
    export_csv(bank, questions=None) -> ExportResult      quizapp.interchange.csv_bank
    read_gift(text) / read_aiken(text) / read_csv(text) -> ImportResult
    convert(result, ...) -> Conversion                    quizapp.interchange.convert
    import_text(text, "gift" | "aiken" | "csv") -> Conversion

A reader turns a file into the tables of a bank, each with its place in the
file, and never raises on bad input: malformed questions come back as
located errors, questions with no quizapp equivalent as skipped. `convert`
checks the tables with the bank loader, naming each problem at its place in
the file, and builds the bank. GIFT and CSV files written by quizapp read
back into the same bank. ``docs/interchange.md`` describes the formats.
"""
