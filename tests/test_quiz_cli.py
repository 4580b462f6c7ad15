"""The real `notecards quiz` command: scripted through standard input for every mode,
and interactive through a pseudo-terminal (keys, undo, quit, Ctrl-C and resume)."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pexpect
import pytest

from notecards.exporters.apkg import write_apkg
from quiz_helpers import (
    CAPITALS,
    FIXTURES,
    NOTECARDS,
    TIMEOUT,
    Question,
    card,
    cards_json,
    counts,
    drive,
    env,
    fsrs_states,
    ids_by_front,
    last_line,
    make_all_due,
    once,
    ratings,
    read_only,
    run,
    spawn,
)

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers


# ------------------------------------------------------------------ scripted, every mode


def test_flip_grades_give_the_score_and_the_fsrs_states(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state, stdin="3\n1\n4\n2\n")
    assert out.returncode == 0, out.stderr
    assert last_line(out.stdout).startswith("score 3/4")
    assert "\x1b[" not in out.stdout
    saved = ratings(state)
    assert sorted(r for rs in saved.values() for r in rs) == [1, 2, 3, 4]
    by_rating = {rs[0]: cid for cid, rs in saved.items()}
    states = fsrs_states(state)
    assert states[by_rating[4]] == (2, None)  # Easy: straight to Review
    assert states[by_rating[3]] == (1, 1)  # Good: next learning step
    assert states[by_rating[1]] == (1, 0)  # Again: first step
    assert states[by_rating[2]] == (1, 0)  # Hard: stays on its step
    stats = json.loads(run("stats", "--json", "--state", state).stdout)
    assert (stats["cards"], stats["reviews"], stats["due_now"]) == (4, 4, 0)


def test_type_mode_right_near_and_wrong(deck: Path, state: Path) -> None:
    answers = {
        "Capital of France?": " PARIS ",  # right once normalized
        "Capital of Italy?": "Roma",  # a short answer: exact or wrong
        "Highest mountain?": "mount everset",  # one swap in a long answer: accepted
        "Largest ocean?": "pacifik ocan",  # near, but not close enough to accept unasked
    }
    out, err, code, asked = drive(
        ["quiz", deck, "--mode", "type", "--seed", "2", "--state", state],
        once(lambda q: answers[q.front]),
    )
    assert code == 0, err
    assert {q.mode for q in asked} == {"type"}
    assert last_line(out).startswith("score 2/4")
    assert "diff: Pacifi[-k-]{+c+} Oc{+e+}an" in out
    ids = ids_by_front(deck)
    saved = ratings(state)
    assert saved[ids["Capital of France?"]] == [3]
    assert saved[ids["Highest mountain?"]] == [2]
    assert saved[ids["Capital of Italy?"]] == [1]
    assert saved[ids["Largest ocean?"]] == [1]


def test_choice_mode_options_and_grades(deck: Path, state: Path) -> None:
    def respond(q: Question) -> str:
        right = CAPITALS[q.front]
        assert len(q.options) == 4 and len(set(q.options)) == 4 and right in q.options
        wrong = next(o for o in q.options if o != right)
        pick = wrong if q.front == "Capital of Italy?" else right
        return str(q.options.index(pick) + 1)

    out, err, code, asked = drive(
        ["quiz", deck, "--mode", "choice", "--seed", "3", "--state", state], once(respond)
    )
    assert code == 0, err
    assert len(asked) == 5 and {q.mode for q in asked} == {"choice"}
    assert last_line(out).startswith("score 3/4")
    saved = ratings(state)
    ids = ids_by_front(deck)
    assert saved[ids["Capital of Italy?"]] == [1]
    assert max(r for rs in saved.values() for r in rs) == 3  # recognition: never Easy


def _notes_cards(kind: str) -> list[dict[str, Any]]:
    found = [c for c in cards_json(FIXTURES) if c["kind"] == kind]
    assert found, f"no {kind!r} cards from tests/notes/quiz: is its extractor registered?"
    return found


def test_order_mode_scores_step_by_step(state: Path) -> None:
    sequences = {c["front"]: c["items"] for c in _notes_cards("sequence")}

    def respond(q: Question) -> str:
        steps = sequences[q.front]
        order = [q.options.index(s) + 1 for s in steps]
        order[0], order[1] = order[1], order[0]  # one swap: 2 of 4 in place
        return " ".join(map(str, order))

    out, err, code, asked = drive(
        ["quiz", FIXTURES / "tea.md", "--mode", "order", "--seed", "4", "--state", state],
        once(lambda q: respond(q) if q.mode == "order" else "3"),
    )
    assert code == 0, err
    orders = [q for q in asked if q.mode == "order"]
    assert len({q.front for q in orders}) == len(sequences)
    assert "3/4 steps in order, one step misplaced" in out
    ids = ids_by_front(FIXTURES / "tea.md")
    for front in sequences:
        assert ratings(state)[ids[front]] == [2]

    # a new session: the right order this time, after the card is due again
    make_all_due(state)
    out, err, code, _ = drive(
        ["quiz", FIXTURES / "tea.md", "--mode", "order", "--seed", "5", "--state", state],
        once(
            lambda q: (
                " ".join(str(q.options.index(s) + 1) for s in sequences[q.front])
                if q.mode == "order"
                else "3"
            )
        ),
    )
    assert code == 0, err
    assert "4/4 steps in order" in out


def test_mixed_mode_asks_each_kind_its_way(state: Path) -> None:
    cards = cards_json(FIXTURES)
    assert {c["kind"] for c in cards} >= {"sequence", "basic"}, "an extractor is missing"
    by_front = {c["front"]: c for c in cards}

    def respond(q: Question) -> str:
        c = by_front[q.front]
        if q.mode == "order":
            return " ".join(str(q.options.index(s) + 1) for s in c["items"])
        if q.mode == "choice":
            return str(q.options.index(c["back"]) + 1)
        if q.mode == "type":
            return c["back"]
        return "3"

    out, err, code, asked = drive(
        ["quiz", FIXTURES, "--seed", "6", "--new", "50", "--state", state], respond
    )
    assert code == 0, err
    kinds = {by_front[q.front]["kind"]: q.mode for q in asked}
    if "sequence" in kinds:
        assert kinds["sequence"] == "order"
    assert last_line(out).startswith(f"score {len(asked)}/{len(asked)}")


def test_q_saves_and_the_next_session_goes_on(deck: Path, state: Path) -> None:
    first = run("quiz", deck, "--mode", "flip", "--state", state, stdin="3\n3\nq\n")
    assert first.returncode == 0
    assert last_line(first.stdout).startswith("score 2/2")
    graded = set(ratings(state))
    _, err, code, asked = drive(
        ["quiz", deck, "--mode", "flip", "--state", state], once(lambda q: "3")
    )
    assert code == 0, err
    ids = ids_by_front(deck)
    # the two not yet seen come first; then the two from before, on their learning step
    assert {ids[q.front] for q in asked[:2]} == set(ids.values()) - graded
    assert {ids[q.front] for q in asked[2:4]} == graded


def test_undo_line_takes_back_a_grade(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state, stdin="1\nu\n4\n")
    assert "undone" in out.stdout
    assert last_line(out.stdout).startswith("score 1/1")
    assert sorted(r for rs in ratings(state).values() for r in rs) == [4]


def test_an_unreadable_answer_skips_the_card_and_exits_1(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--mode", "flip", "--limit", "2", "--state", state, stdin="x\n3\n")
    assert out.returncode == 1
    assert "cannot read 'x'" in out.stderr and "line 1" in out.stderr
    assert last_line(out.stdout).startswith("score 1/1 · ")
    assert "1 skipped" in last_line(out.stdout)


def test_cram_touches_no_schedule(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--mode", "flip", "--cram", "--state", state, stdin="3\n3\n3\n3\n")
    assert last_line(out.stdout).startswith("score 4/4")
    assert not state.exists()


def test_seed_makes_the_order_reproducible(deck: Path, state: Path) -> None:
    def order(seed: str) -> list[str]:
        out = run("quiz", deck, "--mode", "choice", "--cram", "--seed", seed, stdin="1\n" * 4)
        return [line for line in out.stdout.splitlines() if line.startswith(("Q ", "  "))]

    assert order("11") == order("11")
    assert order("11") != order("12") or order("11") != order("13")


def test_limit_and_new(deck: Path, state: Path) -> None:
    """--new and --limit count cards, not repetitions: a card on its learning step
    comes back within the session either way."""
    _, _, _, asked = drive(
        ["quiz", deck, "--mode", "flip", "--new", "1", "--state", state], lambda q: "3"
    )
    assert len({q.front for q in asked}) == 1 and len(asked) == 2  # Good, then Good: graduated
    _, _, _, asked = drive(
        ["quiz", deck, "--mode", "flip", "--limit", "2", "--state", state], lambda q: "3"
    )
    assert len({q.front for q in asked}) == 2 and len(asked) == 4


def test_worksheet_prints_questions_then_answers(deck: Path, state: Path) -> None:
    out = run("quiz", deck, "--print", "--answers", "--mode", "flip", "--state", state)
    assert out.returncode == 0
    text = out.stdout
    assert re.search(r"^1\. Capital of France\?$", text, re.M)
    questions, answers = text.split("\nAnswers\n")
    assert "Paris" not in questions
    assert re.search(r"^1\. Paris$", answers, re.M)
    assert not state.exists()


def test_usage_errors_exit_2(deck: Path, tmp_path: Path) -> None:
    assert run("quiz", deck, "--mode", "bogus").returncode == 2
    assert run("quiz", tmp_path / "missing.md").returncode == 2


def test_a_damaged_state_file_is_reported(deck: Path, state: Path) -> None:
    state.parent.mkdir(parents=True)
    state.write_bytes(b"\x00garbage" * 500)
    out = run("quiz", deck, "--mode", "flip", "--state", state, stdin="3\n")
    assert out.returncode == 1
    assert "damaged" in out.stderr and "Traceback" not in out.stderr
    assert list(state.parent.glob("reviews.sqlite3.corrupt-*"))


def test_problems_in_the_notes_are_reported_but_the_quiz_runs(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bad.md").write_text(
        "---\ntitle: [unclosed\n---\n# Steps\n\n1. First, open the lid.\n"
        "2. Then pour the water in.\n3. Finally, close the lid again.\n",
        encoding="utf-8",
    )
    assert cards_json(notes), "no cards from the numbered list: procedures unregistered?"
    out = run("quiz", notes, "--mode", "flip", "--state", tmp_path / "s.sqlite3", stdin="3\n" * 20)
    assert out.returncode == 0  # the notes' problems never change the quiz's exit status
    assert "bad.md:" in out.stderr and "Traceback" not in out.stderr
    assert re.match(r"score (\d+)/\1 ", last_line(out.stdout))


def test_an_unreadable_deck_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"nope")
    out = run("quiz", bad)
    assert out.returncode == 1
    assert "not an Anki package" in out.stderr and "Traceback" not in out.stderr


# ------------------------------------------------------------------ pseudo-terminal


def test_flip_keys_undo_and_quit(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state)
    child.expect(counts(4, 0, 0))
    child.expect("· new")
    child.expect("reveal")
    child.send(" ")
    child.expect("Again")
    child.expect("quit")
    child.send("3")  # card 1: Good, on its 10-minute learning step
    child.expect(counts(3, 1, 0))
    child.expect("reveal")
    child.send("u")  # undo card 1 before revealing card 2
    child.expect("undone")
    child.expect(counts(4, 0, 0))
    child.expect("reveal")
    child.send("\r")
    child.expect("Easy")
    child.expect("quit")
    child.send("4")  # card 1 again: Easy, graduated
    child.expect(counts(3, 0, 0))
    child.expect("reveal")
    child.send(" ")
    child.expect("Again")
    child.expect("quit")
    child.send("1")  # card 2: Again
    child.expect(counts(2, 1, 0))
    child.expect("reveal")
    child.send("q")
    child.expect("score 1/2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sorted(r for rs in ratings(state).values() for r in rs) == [1, 4]


def test_ctrl_c_keeps_the_grades_and_a_new_session_resumes(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state)
    for n in (4, 3):
        child.expect(counts(n, 4 - n, 0))
        child.expect("reveal")
        child.send(" ")
        child.expect("Easy")
        child.expect("quit")
        child.send("3")
    child.expect(counts(2, 2, 0))
    child.expect("reveal")
    child.sendintr()
    child.expect("interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 or child.signalstatus is not None
    assert sum(len(rs) for rs in ratings(state).values()) == 2

    _, err, code, asked = drive(
        ["quiz", deck, "--mode", "flip", "--state", state], once(lambda q: "3")
    )
    assert code == 0, err
    ids = ids_by_front(deck)
    graded_before = set(ratings(state)) - {ids[q.front] for q in asked[:2]}
    assert len(graded_before) == 2  # the new session asks the other two first


def test_type_mode_near_miss_can_be_accepted(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "type", "--limit", "4", "--state", state)
    for _ in range(4):
        child.expect(counts(r"\d", r"\d", r"\d"))
        child.expect(r"(Capital of \w+|Highest mountain|Largest ocean)\?")
        front = child.match.group(0)
        child.expect("answer ›")
        if "ocean" in front:
            child.sendline("pacifik ocan")
            child.expect("near miss, accepted")
            child.expect("you typed")
            child.expect("Pacific Ocean")  # the answer, shown before grading
            child.expect("enter hard")
            child.send("\r")  # Enter takes the suggested grade
            child.expect("graded hard")
        else:
            child.sendline(CAPITALS[front])
            child.expect("right")
            child.expect("enter good")
            child.send("x")  # not a grade: a one-line hint, and the prompt stays
            child.expect("press 1-4 to grade")
            child.send("4" if "France" in front else "\r")  # the user may grade higher
            child.expect("graded")
    child.expect("answer ›")  # the first card is back on its learning step
    child.sendline(":q")
    child.expect("score 4/4")
    child.expect(pexpect.EOF)
    ids = ids_by_front(deck)
    assert ratings(state)[ids["Largest ocean?"]] == [2]
    assert ratings(state)[ids["Capital of France?"]] == [4]
    assert ratings(state)[ids["Capital of Italy?"]] == [3]


def test_edit_key_on_a_deck_card_explains_there_is_no_note(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "choice", "--limit", "1", "--state", state)
    child.expect("choose")
    child.send("e")
    child.expect("no note to edit")
    child.expect("choose")
    child.send("q")
    child.expect("score 0/0")
    child.expect(pexpect.EOF)


def test_edit_key_opens_the_note_in_the_editor(tmp_path: Path, state: Path) -> None:
    _notes_cards("sequence")  # skips while no extractor reads tea.md
    marker = tmp_path / "editor-args"
    code = 'import sys; open(sys.argv[1], "w").write(repr(sys.argv[2:]))'
    editor = f"{sys.executable} -c '{code}' {marker}"
    child = pexpect.spawn(
        NOTECARDS[0],
        [*NOTECARDS[1:], "quiz", str(FIXTURES / "tea.md"), "--mode", "flip", "--state", str(state)],
        env={**env(), "EDITOR": editor, "VISUAL": ""},
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.expect("reveal")
    child.send("e")
    child.expect("reveal")
    child.send("q")
    child.expect(pexpect.EOF)
    assert "tea.md" in marker.read_text()


def test_a_closed_terminal_keeps_the_grades(deck: Path, state: Path) -> None:
    child = spawn("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state)
    child.expect("reveal")
    child.send(" ")
    child.expect("Easy")
    child.expect("quit")
    child.send("2")
    child.expect(counts(3, 1, 0))
    child.expect("reveal")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert sorted(r for rs in ratings(state).values() for r in rs) == [2]


# ------------------------------------------------------------------ two quizzes, one state file


def _grade_on_screen(child: pexpect.spawn, key: str, *, shown: bool = False) -> None:
    if not shown:
        child.expect("reveal")
    child.send(" ")
    child.expect("quit")
    child.send(key)


def _card_row(state: Path, card_id: str) -> tuple[int, int]:
    """(FSRS state, number of reviews) of one card in the state file."""
    db = sqlite3.connect(state)
    try:
        fsrs_state = db.execute("SELECT state FROM cards WHERE id = ?", (card_id,)).fetchone()
        reviews = db.execute("SELECT count(*) FROM reviews WHERE card_id = ?", (card_id,))
        return (fsrs_state[0] if fsrs_state else 0), reviews.fetchone()[0]
    finally:
        db.close()


def test_two_quizzes_on_one_state_file_lose_no_review(deck: Path, state: Path) -> None:
    """Finding 10: each grade starts from the stored card; undo restores only this
    session's change, and is refused once another session has graded the card."""
    args = ("quiz", deck, "--mode", "flip", "--seed", "1", "--state", state)
    first = next(iter(ids_by_front(deck).values()))  # both sessions start with it
    a = spawn(*args)
    a.expect("reveal")
    b = spawn(*args)
    _grade_on_screen(b, "3")  # B: Good, a 10-minute learning step
    b.expect("reveal")
    b.send("q")
    b.expect(pexpect.EOF)
    _grade_on_screen(a, "3", shown=True)  # A loaded it as new; B's grade is in the file
    a.expect("reveal")
    assert _card_row(state, first) == (2, 2)  # Good twice: graduated, two reviews
    a.send("u")
    a.expect("undone")
    assert _card_row(state, first) == (1, 1)  # B's schedule, not deleted
    _grade_on_screen(a, "1")  # A: Again
    a.expect("reveal")
    c = spawn(*args, "--new", "0")  # only what is in learning: that card
    _grade_on_screen(c, "3")
    c.expect(["reveal", "score"])
    c.send("q")
    c.expect(pexpect.EOF)
    a.send("u")
    a.expect("another session has graded this card since")
    a.send("q")
    a.expect(pexpect.EOF)
    assert _card_row(state, first)[1] == 3  # B's, A's Again, C's: all kept


def test_a_read_only_state_file_is_reported_before_the_first_card(deck: Path, state: Path) -> None:
    """Finding 11: no question is asked when no grade could be saved."""
    run("quiz", deck, "--mode", "flip", "--state", state, stdin="3\n")
    with read_only(state):
        out = run("quiz", deck, "--mode", "flip", "--state", state, stdin="3\n3\n")
    assert out.returncode == 1, out.stderr
    assert "read-only" in out.stderr and "--state" in out.stderr
    assert "Q (" not in out.stdout and "internal error" not in out.stderr


# ------------------------------------------------------------------ what to review, stats


def test_the_end_line_agrees_with_stats_for_the_same_deck(deck: Path, state: Path) -> None:
    _, err, code, asked = drive(
        ["quiz", deck, "--mode", "flip", "--new", "2", "--seed", "1", "--state", state],
        once(lambda q: "1" if len(q.front) % 2 else "3"),
    )
    assert code == 0, err
    assert len({q.front for q in asked}) == 2
    out = run("quiz", deck, "--mode", "flip", "--new", "0", "--state", state, stdin="q\n")
    end = last_line(out.stdout)
    data = json.loads(run("stats", deck, "--json", "--state", state).stdout)
    assert (data["new"], data["learning"], data["due_now"], data["known"]) == (2, 2, 0, 0)
    assert end.endswith(f"· {data['new']} new left")
    assert "due now" not in end  # stats says 0 due now, and so does the end line
    minutes = (datetime.fromisoformat(data["next_due"]) - datetime.now(UTC)).total_seconds() / 60
    assert f"next due in {max(round(minutes), 1)}m" in end or "next due in 1m" in end
    assert len(data["forecast"]) == 30 and data["forecast"][0]["due"] == 2
    table = run("stats", deck, "--state", state).stdout
    assert "2 · 2 · 0" in table  # new · learning · due now
    assert "less ·░▒▓█ more" in table and "forecast" in table
    assert re.search(r"^ {4}[A-Z][a-z]{2}", table, re.M)  # the month row


def test_quiz_without_a_path_reviews_every_source_quizzed_before(
    deck: Path, state: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.apkg"
    write_apkg([card("Largest planet?", "Jupiter", id="id-planet", deck="Space")], other)
    run("quiz", deck, "--mode", "flip", "--limit", "1", "--state", state, stdin="4\n")
    run("quiz", other, "--mode", "flip", "--state", state, stdin="4\n")
    make_all_due(state)
    _, err, code, asked = drive(
        ["quiz", "--mode", "flip", "--new", "0", "--state", state], once(lambda q: "3")
    )
    assert code == 0, err
    assert {q.front for q in asked} == {"Capital of France?", "Largest planet?"}
    nothing = run("quiz", "--state", tmp_path / "fresh.sqlite3")
    assert nothing.returncode == 2 and "nothing quizzed before" in nothing.stderr


def test_usage_errors_and_filters_that_match_nothing(
    deck: Path, state: Path, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a note")
    out = run("quiz", text, "--state", state)
    assert out.returncode == 2
    assert "notes.txt: not a note (.md), a folder of notes or an Anki package (.apkg)" in out.stderr
    missing = run("quiz", tmp_path / "gone.md", "--state", state)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    out = run("quiz", deck, "--deck", "History", "--state", state)
    assert out.returncode == 1
    assert "no card matches --deck History; decks: Geo; tags: geo" in out.stderr


def test_deck_matches_by_suffix_and_tags_take_both_separators(tmp_path: Path, state: Path) -> None:
    path = tmp_path / "mixed.apkg"
    write_apkg(
        [
            card("Port of HTTP?", "80", id="id-http", deck="Vault::Web::HTTP", tags=("web::http",)),
            card("Port of SSH?", "22", id="id-ssh", deck="Vault::Net", tags=("net",)),
        ],
        path,
    )
    for args in (
        ["--deck", "HTTP"],
        ["--deck", "web::http"],
        ["--tag", "web/http"],
        ["--tag", "web"],
    ):
        out = run("quiz", path, *args, "--print", "--state", state)
        assert out.returncode == 0, (args, out.stderr)
        assert "Port of HTTP?" in out.stdout and "Port of SSH?" not in out.stdout, args


def test_edit_opens_the_editor_at_the_line_and_the_card_is_reloaded(
    tmp_path: Path, state: Path
) -> None:
    note = tmp_path / "capitals.md"
    note.write_text((FIXTURES / "capitals.md").read_text(encoding="utf-8"), encoding="utf-8")
    marker = tmp_path / "editor-args"
    editor = tmp_path / "bin" / "vi"  # a name the quiz knows takes +LINE
    editor.parent.mkdir()
    editor.write_text(
        f"#!{sys.executable}\n"
        "import pathlib, sys\n"
        f"pathlib.Path({str(marker)!r}).write_text(' '.join(sys.argv[1:]))\n"
        "note = pathlib.Path(sys.argv[-1])\n"
        "note.write_text(note.read_text().replace('::Paris', '::Paris, on the Seine'))\n",
        encoding="utf-8",
    )
    editor.chmod(0o755)
    child = pexpect.spawn(
        NOTECARDS[0],
        [*NOTECARDS[1:], "quiz", str(note), "--mode", "flip", "--state", str(state)],
        env={**env(), "EDITOR": str(editor), "VISUAL": ""},
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    child.expect("Capital of France")
    child.expect("reveal")
    child.send("e")
    child.expect("reloaded capitals.md")
    child.expect("reveal")
    child.send(" ")
    child.expect("Paris, on the Seine")  # the edited answer, in this session
    child.expect("quit")
    child.send(" ")  # space after reveal: Good
    child.expect("reveal")
    child.send("q")
    child.expect(pexpect.EOF)
    line = next(
        n
        for n, text in enumerate(note.read_text().splitlines(), 1)
        if text.startswith("Capital of France")
    )
    assert marker.read_text() == f"+{line} {note}"
    assert sorted(r for rs in ratings(state).values() for r in rs) == [3]
