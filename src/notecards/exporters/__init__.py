"""Writers of the cards: Anki packages (`apkg`), JSON and CSV (`text_formats`).

Nothing is imported here: genanki and Pygments load only when a writer module is
imported, so the CLI stays quick when it does not export.
"""
