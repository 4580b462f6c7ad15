"""The one place `--help` is shaped: metavars that read as words, defaults that show,
and examples at the end of every command's help.

Typer names a value by its Python type (`<bool>`, `<list[Path]>`, `<str>`) and rich
markup swallows a `[default: …]` written in a help text. Every command and the group
are made with these classes (`cls=`), which give each parameter without a metavar a
word for what it takes (PATH, N, TEXT, the choices), none for a flag, and append
the command's examples as the epilog.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

# the examples each command's help ends with: (command line, what it does)
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "build": [
        ("notecards build ~/Obsidian/MyVault -o decks/", "one package, a subdeck per folder"),
        ("notecards build notes/HTTP.md --format csv", "a CSV file for Anki's import"),
        ("notecards build vault/ --dry-run", "what Anki would receive, writing nothing"),
        ("notecards build vault/ --json --strict", "for CI: JSON, exit 1 on warnings too"),
    ],
    "cards": [
        ("notecards cards notes/HTTP.md", "the cards of one note, as a table"),
        ("notecards cards vault/ --why --all", "each rule, how sure, what it left out"),
        ("notecards cards vault/ --json > cards.json", "every card, for a script"),
    ],
    "check": [
        ("notecards check vault/", "problems only; nothing is written"),
        ("notecards check vault/ --strict -v", "for CI: every problem, warnings fail"),
    ],
    "watch": [
        ("notecards watch vault/ -o decks/", "rebuild on every save; Ctrl+C stops"),
    ],
    "quiz": [
        ("notecards quiz notes/", "the due cards of a folder, then new ones"),
        ("notecards quiz", "everything due from the notes quizzed before"),
        ("notecards quiz deck.apkg --mode type --limit 20", "type the answers, 20 cards"),
        ("notecards quiz --deck HTTP --tag web/http", "one deck, one tag"),
        ("notecards quiz notes/ --print --answers", "a worksheet to print"),
    ],
    "stats": [
        ("notecards stats", "every card reviewed"),
        ("notecards stats notes/HTTP --json", "one folder, for a script"),
        ("notecards stats --deck HTTP", "one deck"),
    ],
}

# the word for a value, from the type typer would show (`<int>` -> N)
_WORDS = {
    "bool": "",
    "int": "N",
    "int range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "str": "TEXT",
    "path": "PATH",
    "file": "FILE",
    "directory": "FOLDER",
}


def word_for(param: Any, ctx: typer.Context) -> str:
    """What a parameter takes, as a word: `PATH`, `N`, `TEXT`, `apkg|json|csv`; nothing
    for a flag (`--strict`); click adds `...` to an argument that takes several."""
    if getattr(param, "is_flag", False):
        return ""
    shown = (param.display_type(ctx) or "").strip("<>")
    shown = shown.removeprefix("list[").removesuffix("]")
    return _WORDS.get(shown.lower(), shown if "|" in shown else shown.upper())


def _shape(command: Any) -> None:
    """Name every parameter's value, and keep `[default: …]` in help texts visible."""
    ctx = typer.Context(command)
    for param in command.params:
        if param.metavar is None:
            param.metavar = word_for(param, ctx)
        if param.param_type_name == "argument":  # its word is its name: no type beside it
            param.display_type_rich = lambda ctx: None
        help_text = getattr(param, "help", None)
        if help_text and "[default:" in help_text and "\\[default:" not in help_text:
            param.help = help_text.replace("[default:", "\\[default:")


def _epilog(name: str | None) -> str | None:
    """`Examples` and one line per example, what it does in a column beside it."""
    examples = EXAMPLES.get(name or "")
    if not examples:
        return None
    width = max(len(line) for line, _ in examples)
    lines = [
        f"  [bold]{escape(line.ljust(width))}[/bold]  [dim]{escape(what)}[/dim]"
        for line, what in examples
    ]
    return "\n".join(["[bold]Examples[/bold]", *lines])


class HelpfulCommand(TyperCommand):
    """A command whose help reads as words and ends with examples."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.epilog = self.epilog or _epilog(self.name)
        _shape(self)

    def get_help_option(self, ctx: typer.Context) -> Any:
        return _flag(super().get_help_option(ctx))


class HelpfulGroup(TyperGroup):
    """The `notecards` group, shaped as its commands are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _shape(self)

    def get_help_option(self, ctx: typer.Context) -> Any:
        return _flag(super().get_help_option(ctx))


def _flag(option: Any) -> Any:
    """`--help`, which click adds late, shown as the flag it is."""
    if option is not None:
        option.metavar = ""
    return option
