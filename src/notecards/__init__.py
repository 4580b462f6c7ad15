"""notecards: turn Markdown and Obsidian notes into flashcards."""

__version__ = "0.1.0"
