"""`--install-completion SHELL` and `--show-completion SHELL`: the shell named is the
shell served. Typer's own pair are flags that guess the shell from the parent process
(and take `bash` after them for a command), so notecards declares them itself, with
the shells as choices, and lets typer write and install the scripts."""

from __future__ import annotations

import os
from typing import Annotated, Literal

import typer

Shell = Literal["bash", "zsh", "fish", "powershell", "pwsh"]
COMPLETE_VAR = "_NOTECARDS_COMPLETE"  # what the installed scripts set to ask for words


def enable_if_asked() -> None:
    """Register typer's completion protocol when a shell asks for completions (the
    installed scripts speak typer's, not click's)."""
    if os.environ.get(COMPLETE_VAR):
        from typer.completion import completion_init

        completion_init()


def _install(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    if shell is not None and not ctx.resilient_parsing:
        from typer.completion import completion_init, install_callback

        completion_init()
        install_callback(ctx, param, shell)  # writes the script, says where, exits


def _show(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    if shell is not None and not ctx.resilient_parsing:
        from typer.completion import completion_init, show_callback

        completion_init()
        show_callback(ctx, param, shell)  # prints the script, exits


InstallCompletion = Annotated[
    Shell | None,
    typer.Option(
        "--install-completion",
        metavar="SHELL",
        callback=_install,
        is_eager=True,
        expose_value=False,
        show_default=False,
        help="Install tab completion for this shell (bash, zsh, fish, powershell or pwsh), "
        "e.g. --install-completion bash.",
    ),
]
ShowCompletion = Annotated[
    Shell | None,
    typer.Option(
        "--show-completion",
        metavar="SHELL",
        callback=_show,
        is_eager=True,
        expose_value=False,
        show_default=False,
        help="Print the completion script for this shell, to install it by hand.",
    ),
]
