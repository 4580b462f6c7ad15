"""The `notecards` command: a thin layer over the pipeline, in the style of httpie and
rich: readable help, colour on terminals, plain and stable output when piped.

Heavy modules (genanki, fsrs, pygments, the parser) are imported inside the commands,
so `notecards --help` stays fast.
"""

from __future__ import annotations

import typer

from notecards import __version__
from notecards.cli.completion import InstallCompletion, ShowCompletion
from notecards.cli.help_format import HelpfulGroup

app = typer.Typer(
    name="notecards",
    add_completion=False,  # notecards.cli.completion: the shell named, not a guess
    cls=HelpfulGroup,  # help that reads as words (notecards.cli.help_format)
    help="Turn Markdown and Obsidian notes into flashcards: Anki decks and a terminal quiz.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"notecards {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
    install_completion: InstallCompletion = None,
    show_completion: ShowCompletion = None,
) -> None:
    """Turn Markdown and Obsidian notes into flashcards: Anki decks and a terminal quiz."""


def _register_commands() -> None:
    from notecards.cli import build, quiz

    build.register(app)
    quiz.register(app)


_register_commands()


def main() -> None:
    """The console script. An error notecards did not foresee is a bug: it is reported
    in one line (`NOTECARDS_DEBUG=1` shows the traceback), never as a traceback."""
    import os
    import sys

    from notecards.cli.completion import enable_if_asked

    enable_if_asked()
    try:
        code = app(standalone_mode=False, prog_name="notecards")
    except typer.TyperException as error:  # a usage error: the user's slip, exit 2
        from notecards.cli.usage import show_error

        show_error(error)
        sys.exit(error.exit_code)
    except typer.Abort:  # Ctrl-D or Ctrl-C at a prompt
        print("notecards: aborted", file=sys.stderr)
        sys.exit(1)
    except Exception as error:  # the last line of defence
        if os.environ.get("NOTECARDS_DEBUG"):
            raise
        from notecards.cli.report import storage_failure

        reason = storage_failure(error)
        if reason is not None:  # foreseeable: the disk, not notecards
            print(f"notecards: cannot write: {reason}", file=sys.stderr)
            sys.exit(1)
        name = type(error).__name__
        print(
            f"notecards: internal error ({name}: {error}). This is a bug; please report it "
            "with the command you ran (NOTECARDS_DEBUG=1 shows the details).",
            file=sys.stderr,
        )
        sys.exit(70)  # EX_SOFTWARE
    sys.exit(code if isinstance(code, int) else 0)
