"""Talking to the user: rich panels and single keys on a terminal, plain lines otherwise.

One module past 500 lines because the terminal and the line protocol must ask the
same questions the same way (`Asker` of modes.py); side by side, they cannot drift.

`TtyUi` reads single keys (cbreak mode, so Ctrl-C still interrupts) and renders with
rich. `LineUi` reads one answer per line and prints plain text, for scripts and
tests; see the package docstring for that protocol. Both raise the `Command`
exceptions of modes.py for quit, undo and edit, with one convention everywhere: where
an answer is a key or a number, `q`, `u` and `e`; where it is typed text (a type-mode
answer), `:q`, `:u` and `:e`, which are never answers; `:q`, `:u`, `:e` work at every
prompt, so a user (or a script) who always types them is never wrong.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import IO, TYPE_CHECKING

from rich.markup import escape

from notecards.model import Card
from notecards.quiz.answers import diff, diff_plain
from notecards.quiz.modes import GOOD, Edit, Outcome, Quit, Undo, Unreadable

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from notecards.quiz.session import Session, Summary

GRADE_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
# a line's command: `:x` at any prompt, a bare letter where the answer is no text
LINE_COMMANDS: dict[str, type[Exception]] = {":q": Quit, ":u": Undo, ":e": Edit}
KEY_COMMANDS: dict[str, type[Exception]] = {"q": Quit, "u": Undo, "e": Edit}


def line_command(line: str, *, text_answer: bool) -> type[Exception] | None:
    """The command a whole line gives (None: it is an answer); a bare `q`, `u` or `e`
    is an answer where text is typed, since `q` may well be one."""
    word = line.strip().casefold()
    return LINE_COMMANDS.get(word) or (None if text_answer else KEY_COMMANDS.get(word))


# ------------------------------------------------------------------ parsing answers


def parse_grade(text: str) -> int | None:
    word = text.strip().casefold()
    if word in {"1", "2", "3", "4"}:
        return int(word)
    return next((n for n, name in GRADE_NAMES.items() if name == word), None)


def parse_choice(text: str, count: int) -> int | None:
    """1-based option number → 0-based index."""
    word = text.strip().rstrip(").")
    if word.isdigit() and 1 <= int(word) <= count:
        return int(word) - 1
    return None


def parse_order(text: str, count: int) -> list[int] | None:
    """`3 1 2 4`, `3,1,2,4` or (up to 9 steps) `3124`: a permutation of 1..count."""
    text = text.strip()
    parts = re.split(r"[\s,;]+", text) if re.search(r"[\s,;]", text) else list(text)
    if count > 9 and len(parts) == 1:
        parts = [text]
    if not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    return numbers if sorted(numbers) == list(range(1, count + 1)) else None


def format_summary(summary: Summary) -> str:
    """The last line of a session: `score K/N · …`, which scripts may rely on."""
    parts = [f"score {summary.right}/{summary.total}"]
    minutes, seconds = divmod(round(summary.seconds), 60)
    parts.append(f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s")
    if summary.skipped:
        parts.append(f"{summary.skipped} skipped")
    if summary.interrupted:
        parts.append("interrupted, grades saved")
    if summary.cram:
        parts.append("cram: schedule unchanged")
    if summary.due_now:
        parts.append(f"{summary.due_now} due now")
    if summary.next_due is not None:
        from datetime import datetime

        from notecards.quiz.session import format_interval

        parts.append(f"next due in {format_interval(summary.next_due - datetime.now(UTC))}")
    if summary.new_left:
        parts.append(f"{summary.new_left} new left")
    return " · ".join(parts)


def counts_text(session: Session) -> str:
    """`12 new + 3 learning + 40 due`, Anki's three numbers with their names."""
    counts = session.counts()
    return f"{counts.new} new + {counts.learning} learning + {counts.due} due"


def _interval_text(intervals: Mapping[int, str]) -> str:
    return " · ".join(
        f"{n} {name}" + (f" ({intervals[n]})" if n in intervals else "")
        for n, name in GRADE_NAMES.items()
    )


# ------------------------------------------------------------------ scripted input


class LineUi:
    """One answer per line from a pipe or file; plain text out, never ANSI."""

    def __init__(self, stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> None:
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr
        self.lineno = 0
        self.problems = 0

    def _say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def _read(self, commands: bool = True) -> str:
        line = self.stdin.readline()
        if not line:
            raise Quit
        self.lineno += 1
        line = line.rstrip("\r\n")
        self._say(f"> {line}")
        command = line_command(line, text_answer=not commands)
        if command is not None:
            raise command
        return line

    def _unreadable(self, text: str, expected: str) -> Unreadable:
        return Unreadable(text, f"{expected} (input line {self.lineno})")

    def progress(self, session: Session, card: Card) -> None:
        self._say()
        if session.cram:
            left = len(session.pending) + 1
            self._say(f"cram · {left} left · {card.source}")
            return
        self._say(f"{counts_text(session)} · {session.state_of(card)} · {card.source}")

    def show_question(self, card: Card, mode: str) -> None:
        self._say(f"Q ({mode}): {card.front}")

    def reveal(self, card: Card) -> None:
        self._say(f"A: {answer_text(card)}")

    def ask_grade(self, intervals: Mapping[int, str]) -> int:
        self._say(f"grade? {_interval_text(intervals)}")
        line = self._read()
        grade = parse_grade(line)
        if grade is None:
            raise self._unreadable(line, "a grade 1-4")
        return grade

    def ask_text(self, card: Card) -> str:
        self._say("answer? (empty: don't know · :u undo · :e edit · :q quit)")
        return self._read(commands=False)

    def confirm_near_miss(self, given: str, expected: str) -> bool | None:
        return None  # nobody to ask; the auto-accept rule decides

    def confirm_grade(
        self, card: Card, mode: str, outcome: Outcome, intervals: Mapping[int, str]
    ) -> Outcome:
        return outcome  # one line per answer: the suggested grade stands

    def ask_choice(self, options: Sequence[str]) -> int:
        for n, option in enumerate(options, 1):
            self._say(f"  {n}) {option}")
        self._say(f"option? 1-{len(options)}")
        line = self._read()
        picked = parse_choice(line, len(options))
        if picked is None:
            raise self._unreadable(line, f"an option 1-{len(options)}")
        return picked

    def ask_order(self, steps: Sequence[str]) -> list[int]:
        for n, step in enumerate(steps, 1):
            self._say(f"  {n}. {step}")
        self._say("order? e.g. " + " ".join(str(n) for n in range(1, len(steps) + 1)))
        line = self._read()
        order = parse_order(line, len(steps))
        if order is None:
            raise self._unreadable(line, f"an order of 1-{len(steps)}")
        return order

    def show_outcome(self, card: Card, mode: str, outcome: Outcome) -> None:
        mark = "✓" if outcome.right else "✗"
        self._say(f"{mark} {outcome.verdict} · grade {GRADE_NAMES[outcome.rating]}")
        if mode == "type" and outcome.rating < GOOD:
            if outcome.near:
                self._say(f"  diff: {diff_plain(outcome.given.strip(), card.back.strip())}")
            self._say(f"  answer: {card.back}")
        for line in outcome.details:
            self._say(f"  {line}")

    def notice(self, text: str) -> None:
        self._say(text)

    def problem(self, text: str) -> None:
        self.problems += 1
        print(f"notecards: {text}", file=self.stderr, flush=True)

    def finish(self, summary: Summary) -> None:
        self._say()
        self._say(format_summary(summary))


# ------------------------------------------------------------------ terminal


_LANG = re.compile(r"language-([\w+-]+)")
_TAG = re.compile(r"<[^>]*>")

# A part of a card to show: ("text", words) or ("code", code, language).
Part = tuple[str, str, str]


def split_pre(field_html: str) -> list[Part]:
    """The field's `<pre>` blocks as code, the rest as HTML, in one pass of `find`s
    (a deck is untrusted: thousands of unclosed `<pre>` must not cost quadratic time)."""
    lower = field_html.lower()
    parts: list[Part] = []
    last = 0
    start = lower.find("<pre")
    while start >= 0:
        opened = lower.find(">", start)
        if opened < 0 or lower[start + 4 : start + 5] not in (">", " ", "\t", "\n"):
            start = lower.find("<pre", start + 4) if opened >= 0 else -1
            continue
        closed = lower.find("</pre>", opened)
        if closed < 0:
            break
        parts.append(("text", field_html[last:start], ""))
        inner = field_html[opened + 1 : closed]
        head = field_html[start:opened]
        stripped = inner.lstrip()
        if stripped.lower().startswith("<code"):
            head += stripped[: stripped.find(">") + 1]
        code = html.unescape(_TAG.sub("", inner))
        lang = _LANG.search(head)
        parts.append(("code", code.strip("\n"), lang.group(1) if lang else ""))
        last = closed + len("</pre>")
        start = lower.find("<pre", last)
    parts.append(("text", field_html[last:], ""))
    return parts


def callouts_as_quotes(field_html: str) -> str:
    """The field as text, each callout box (`nc-callout`) as its title and a quote:
    `▌ line` per line, so a terminal shows what Anki shows as a box."""
    from notecards.quiz.apkg_reader import html_to_text

    out: list[str] = []
    last = 0
    start = field_html.find('<div class="nc-callout')
    while start >= 0:
        depth, at = 0, start
        while True:  # the matching </div>: callouts nest only divs of their own
            opening = field_html.find("<div", at)
            closing = field_html.find("</div>", at)
            if closing < 0:
                return html_to_text(field_html)
            if 0 <= opening < closing:
                depth, at = depth + 1, opening + 4
                continue
            depth, at = depth - 1, closing + 6
            if depth == 0:
                break
        out.append(html_to_text(field_html[last:start]))
        body = html_to_text(field_html[start:at])
        out.append("\n".join(f"▌ {line}" if line else "▌" for line in body.split("\n")))
        last = at
        start = field_html.find('<div class="nc-callout', last)
    out.append(html_to_text(field_html[last:]))
    return "\n".join(part for part in out if part)


def answer_text(card: Card) -> str:
    """The answer as the terminal shows it: callouts as quotes and missing images as
    their placeholder (the plain back has neither), else the plain back."""
    field = card.fields[1] if card.model == "basic" else ""
    shown_by_html = 'class="nc-callout' in field or 'class="nc-missing"' in field
    return callouts_as_quotes(field) if shown_by_html else card.back


def split_fences(text: str) -> list[Part]:
    """```-fenced blocks of plain text as code: a fence opens on a line starting with
    ``` and closes on a line that is only ```; one pass, closers found backwards first."""
    lines = text.split("\n")
    closer_after: list[int] = [-1] * (len(lines) + 1)
    for n in range(len(lines) - 1, -1, -1):
        closer_after[n] = n if lines[n].rstrip() == "```" else closer_after[n + 1]
    parts: list[Part] = []
    plain: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        close = closer_after[n + 1] if line.startswith("```") else -1
        if close < 0:
            plain.append(line)
            n += 1
            continue
        parts.append(("text", "\n".join(plain), ""))
        plain = []
        lang = re.match(r"[\w+-]*", line[3:])
        parts.append(("code", "\n".join(lines[n + 1 : close]), lang.group(0) if lang else ""))
        n = close + 1
    parts.append(("text", "\n".join(plain), ""))
    return parts


def _strip_html(fragment: str) -> str:
    from notecards.quiz.apkg_reader import html_to_text

    return html_to_text(fragment)


def _guess_language(code: str) -> str:
    """Our fields keep Pygments spans but not the language name: guess it back."""
    from pygments.lexers import guess_lexer
    from pygments.util import ClassNotFound

    try:
        aliases = guess_lexer(code).aliases
    except ClassNotFound:
        return "text"
    return aliases[0] if aliases else "text"


def render_content(text: str, field_html: str = "") -> RenderableType:
    """Plain text, with code blocks (from the card's HTML field or ``` fences) highlighted."""
    from rich.console import Group
    from rich.syntax import Syntax
    from rich.text import Text

    from_html = bool(field_html) and "<pre" in field_html.lower()
    pieces = split_pre(field_html) if from_html else split_fences(text)
    if not any(kind == "code" for kind, _, _ in pieces):
        return Text(text)
    parts: list[RenderableType] = []
    for kind, content, lang in pieces:
        if kind == "code":
            lang = lang or (_guess_language(content) if from_html else "text")
            parts.append(Syntax(content, lang, theme="ansi_dark", word_wrap=True))
            continue
        words = _strip_html(content) if from_html else content
        if words.strip():
            parts.append(Text(words.strip("\n")))
    return Group(*parts)


class KeyReader:
    """Single key presses from a terminal, in cbreak mode (Ctrl-C still interrupts)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self) -> str:
        import select
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            tty.setcbreak(self.fd)
            data = os.read(self.fd, 1)
            if not data:
                raise Quit  # the terminal went away
            # escape sequences and multi-byte characters arrive together: drain them
            while select.select([self.fd], [], [], 0.02)[0]:
                more = os.read(self.fd, 8)
                if not more:
                    break
                data += more
                if not data.startswith(b"\x1b"):
                    try:
                        data.decode()
                        break
                    except UnicodeDecodeError:
                        continue
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)
        if data.startswith(b"\x1b"):
            return "escape"
        return data.decode(errors="replace")


class TtyUi:
    """rich panels and single keys; type and order answers are typed as a line."""

    KEYS_HINT = "u undo · e edit note · q save and quit"

    def __init__(self, console: Console, keys: KeyReader | None = None) -> None:
        self.console = console
        self.keys = keys or KeyReader(sys.stdin.fileno())
        self.problems = 0

    def _key(self, allowed: str, hint: str) -> str:
        """Wait for one of `allowed` (or a command key) and return it; any other key
        gets `hint`, once, on one line."""
        hinted = False
        while True:
            key = self.keys.read()
            if key == "\x04":
                raise Quit
            low = key.lower()
            if low in allowed:
                return low
            if low in KEY_COMMANDS:
                raise KEY_COMMANDS[low]
            if not hinted:
                self.console.print(f"[yellow]{hint} · {self.KEYS_HINT}[/]", highlight=False)
                hinted = True

    def _line(self, prompt: str, *, text_answer: bool = True) -> str:
        try:
            line = self.console.input(prompt)
        except EOFError:
            raise Quit from None
        command = line_command(line, text_answer=text_answer)
        if command is not None:
            raise command
        return line

    def progress(self, session: Session, card: Card) -> None:
        from rich.text import Text

        self.console.print()
        if session.cram:
            line = Text(f"cram · {len(session.pending) + 1} left", style="bold")
        else:
            counts = session.counts()
            line = Text()
            line.append(str(counts.new), style="bold blue")
            line.append(" + ")
            line.append(str(counts.learning), style="bold red")
            line.append(" + ")
            line.append(str(counts.due), style="bold green")
            line.append("  new + learning + due", style="dim")
            line.append(f" · {session.state_of(card)}")
        done = len(session.results)
        if done:
            right = sum(r.outcome.right for r in session.results)
            line.append(f" · {right}/{done} right", style="dim")
        self.console.print(line)

    def show_question(self, card: Card, mode: str) -> None:
        from rich.panel import Panel

        self.console.print(
            Panel(
                render_content(card.front, card.fields[0] if card.model != "cloze" else ""),
                title=f"[bold]{mode}[/]",
                subtitle=f"[dim]{escape(card.source)}[/]",
                border_style="cyan",
            )
        )

    def _show_answer(self, card: Card) -> None:
        from rich.panel import Panel

        back_html = card.fields[1] if card.model == "basic" else ""
        if "<pre" not in back_html.lower():
            back_html = ""  # plain text shows it, callouts as quotes
        self.console.print(
            Panel(render_content(answer_text(card), back_html), border_style="green")
        )

    def reveal(self, card: Card) -> None:
        self.console.print(f"[dim]space/enter reveal · {self.KEYS_HINT}[/]")
        self._key(" \r\n", "press space or enter to see the answer")
        self._show_answer(card)

    def ask_grade(self, intervals: Mapping[int, str]) -> int:
        styles = {1: "red", 2: "yellow", 3: "green", 4: "blue"}
        buttons = "  ".join(
            f"[bold {styles[n]}]{n}[/] {name.capitalize()} [dim]{intervals.get(n, '')}[/]"
            for n, name in GRADE_NAMES.items()
        )
        self.console.print(f"{buttons}   [dim]space/enter good · {self.KEYS_HINT}[/]")
        key = self._key("1234 \r\n", "press 1-4 to grade (space or enter: good)")
        return GOOD if key in " \r\n" else int(key)

    def ask_text(self, card: Card) -> str:
        hint = "empty = don't know · :u undo · :e edit note · :q save and quit"
        self.console.print(f"[dim]{hint}[/]")
        return self._line("[bold]answer ›[/] ")

    def confirm_near_miss(self, given: str, expected: str) -> bool | None:

        return True  # suggested as Hard; the grade prompt after it can say otherwise

    def confirm_grade(
        self, card: Card, mode: str, outcome: Outcome, intervals: Mapping[int, str]
    ) -> Outcome:
        """Show the typed answer against the card's, and let the user grade: Enter
        takes the suggested grade, 1-4 another one."""
        from dataclasses import replace

        from rich.text import Text

        style = "green" if outcome.right else "red"
        self.console.print(
            Text(f"{'✓' if outcome.right else '✗'} {outcome.verdict}", style=f"bold {style}")
        )
        if outcome.near:
            line = Text("you typed: ")
            line.append_text(self._diff_text(outcome.given.strip(), card.back.strip()))
            self.console.print(line)
        for detail in outcome.details:
            self.console.print(f"  {detail}", highlight=False, markup=False)
        if outcome.rating < GOOD or outcome.near:
            self._show_answer(card)
        suggested = outcome.rating
        buttons = "  ".join(
            f"[bold]{n}[/] {name.capitalize()} [dim]{intervals.get(n, '')}[/]"
            for n, name in GRADE_NAMES.items()
        )
        self.console.print(f"{buttons}   [dim]enter {GRADE_NAMES[suggested]} · {self.KEYS_HINT}[/]")
        key = self._key("1234 \r\n", f"press 1-4 to grade (enter: {GRADE_NAMES[suggested]})")
        rating = suggested if key in " \r\n" else int(key)
        verdict = (
            outcome.verdict
            if rating == suggested
            else f"{outcome.verdict}, graded {GRADE_NAMES[rating]}"
        )
        return replace(outcome, rating=rating, right=rating > 1, verdict=verdict, shown=True)

    @staticmethod
    def _diff_text(given: str, expected: str) -> object:
        from rich.text import Text

        out = Text()
        styles = {"same": "green", "extra": "red strike", "missing": "bold yellow underline"}
        for piece in diff(given, expected):
            out.append(piece.text, style=styles[piece.kind])
        return out

    def ask_choice(self, options: Sequence[str]) -> int:
        for n, option in enumerate(options, 1):
            self.console.print(f"  [bold]{n}[/]  {escape(option)}", highlight=False)
        self.console.print(f"[dim]1-{len(options)} choose · {self.KEYS_HINT}[/]")
        return int(self._key("123456789"[: len(options)], f"press 1-{len(options)} to choose")) - 1

    def ask_order(self, steps: Sequence[str]) -> list[int]:
        for n, step in enumerate(steps, 1):
            self.console.print(f"  [bold]{n}[/]  {escape(step)}", highlight=False)
        example = " ".join(str(n) for n in range(1, len(steps) + 1))
        self.console.print(
            f"[dim]type the numbers in the right order, e.g. {example} · "
            ":u undo · :e edit · :q quit[/]"
        )
        while True:
            line = self._line("[bold]order ›[/] ", text_answer=False)
            order = parse_order(line, len(steps))
            if order is not None:
                return order
            self.console.print(f"[red]give each number 1-{len(steps)} once[/]")

    def show_outcome(self, card: Card, mode: str, outcome: Outcome) -> None:
        from rich.text import Text

        style = "green" if outcome.right else "red"
        mark = "✓" if outcome.right else "✗"
        if outcome.shown:
            self.console.print(Text(f"graded {GRADE_NAMES[outcome.rating]}", style="dim"))
            return
        self.console.print(
            Text(f"{mark} {outcome.verdict}", style=f"bold {style}")
            + Text(f" · {GRADE_NAMES[outcome.rating]}", style="dim")
        )
        if mode == "type" and outcome.rating < GOOD:
            self._show_answer(card)
        for line in outcome.details:
            colour = "green" if line.startswith("✓") else "red" if line.startswith("✗") else ""
            self.console.print(f"  {line}", style=colour, highlight=False, markup=False)

    def notice(self, text: str) -> None:
        self.console.print(f"[dim]{escape(text)}[/]", highlight=False)

    def problem(self, text: str) -> None:
        self.problems += 1
        self.console.print(f"[red]{escape(text)}[/]", highlight=False)

    def finish(self, summary: Summary) -> None:
        from rich.panel import Panel

        self.console.print()
        self.console.print(Panel(format_summary(summary), title="done", border_style="magenta"))
