"""Moodle GIFT and Aiken import and export, CSV export. No Textual here.

Public API::

    read_gift(text) -> ImportResult        quizapp.interchange.gift
    read_aiken(text) -> ImportResult       quizapp.interchange.aiken
    export_gift(bank, questions=None) -> ExportResult
    export_aiken(bank, questions=None) -> ExportResult
    export_csv(bank, questions=None) -> ExportResult
    build_bank(questions, bank_id=..., title=..., source_title=...) -> Bank

Importers never raise on bad input: malformed questions come back as
located errors, questions with no quizapp equivalent as skipped.
"""
