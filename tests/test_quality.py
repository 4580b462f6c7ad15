"""The project's measure of mined cards: the quality corpus, its gold files and the matcher.

The floors in bench/quality_floors.json may only rise; see docs/quality.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
CORPUS = REPO / "tests" / "quality"
sys.path.insert(0, str(BENCH))

import quality  # noqa: E402
from quality_gold import Gold, GoldError, load_corpus, load_gold  # noqa: E402
from quality_match import GoldEntry, back_share, front_score, matches  # noqa: E402

FLOORS = json.loads((BENCH / "quality_floors.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the corpus itself


@pytest.mark.slow
def test_every_note_of_the_corpus_has_a_valid_gold_file():
    golds, problems = load_corpus(CORPUS)
    assert problems == []
    russian = [g for g in golds if g.lang == "ru"]
    assert len(russian) >= 35
    # the corpus judges both what should come out and what should not
    assert sum(g.no_mined for g in russian) >= 5
    assert sum(len(g.want) for g in russian) >= 100
    assert all(g.want or g.no_mined for g in russian)


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(k for k in FLOORS if not k.startswith("_")))
def test_precision_and_recall_stay_at_or_above_their_floors(lang):
    _score, summary, problems = quality.measure(CORPUS, lang)
    assert problems == []
    measured = summary["by_lang"][lang]
    floor = FLOORS[lang]
    assert measured["precision"] >= floor["precision"], measured
    assert measured["recall"] >= floor["recall"], measured


# ---------------------------------------------------------------- the matcher


def test_a_front_worded_differently_matches():
    assert front_score("Для чего нужен useEffect()?", "Что такое `useEffect`?") == 100
    assert front_score("Что называют замыканием?", "Что такое замыкание (closure)?") == 100
    assert front_score("Чем отличаются var, let и const?", "В чём разница между var, let и const?")


def test_a_front_about_something_else_does_not_match():
    assert front_score("Что делает splice()?", "Что делает slice()?") < 80
    assert front_score("Что возвращает Object.keys()?", "Что возвращает Object.values()?") < 80
    # a step card names the subject but asks something else
    assert front_score("useEffect — шаг 2 из 4: что происходит?", "Что такое useEffect?") < 80


def test_a_back_must_carry_the_gold_content():
    entry = GoldEntry("Что такое useEffect()?", "хук для побочных эффектов после рендера")
    assert matches("Что такое useEffect?", "хук React: побочные эффекты после рендера", entry)
    assert not matches("Что такое useEffect?", "возвращает новый массив", entry)
    assert back_share("эффект запускается после рендера", "побочные эффекты после рендера") < 1


def test_a_never_pattern_or_a_no_mined_note_makes_a_miss():
    card = {
        "front": "Введение — шаг 2 из 3: что происходит?",
        "back": "x",
        "kind": "step",
        "extractor": "procedures",
    }
    gold = Gold(
        "ru/x.md",
        ok=[GoldEntry("Введение — шаг 2 из 3: что происходит?", wanted=False)],
        never=[re.compile(r"шаг \d+ из", re.I)],
    )
    verdict = quality.score_note(gold, [card]).cards[0]
    assert not verdict.kept and verdict.reason.startswith("never")
    journal = Gold("ru/journal.md", no_mined=True)
    assert not quality.score_note(journal, [card]).cards[0].kept


def test_one_gold_card_vouches_for_one_mined_card():
    gold = Gold(
        "ru/x.md", want=[GoldEntry("Что такое CORS?", "механизм для запросов с другого источника")]
    )
    card = {
        "front": "Что такое CORS?",
        "back": "механизм для запросов с другого источника",
        "kind": "definition",
        "extractor": "definitions",
    }
    twice = quality.score_note(gold, [card, dict(card)])
    assert [c.kept for c in twice.cards] == [True, False]
    assert twice.wants[0].met


def test_explicit_cards_count_for_recall_but_not_for_precision():
    gold = Gold("ru/x.md", want=[GoldEntry("Что такое CORS?", "механизм")])
    card = {
        "front": "Что такое CORS?",
        "back": "механизм",
        "kind": "basic",
        "extractor": "explicit",
    }
    score = quality.score_note(gold, [card])
    assert score.cards == [] and score.wants[0].met


def test_a_malformed_gold_file_is_reported_with_its_path(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("want:\n  - back: no front here\n", encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(str(bad))):
        load_gold(bad, "ru/bad.md")
    bad.write_text("never:\n  - '(unclosed'\n", encoding="utf-8")
    with pytest.raises(GoldError, match="bad `never` regex"):
        load_gold(bad, "ru/bad.md")


# ---------------------------------------------------------------- the command, end to end


@pytest.mark.slow
def test_the_command_scores_a_small_corpus_through_the_real_pipeline(tmp_path):
    note = tmp_path / "vault" / "ru" / "cors.md"
    note.parent.mkdir(parents=True)
    note.write_text(
        "# CORS\n\nCORS — это механизм, который разрешает браузеру запросы к другому источнику.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold" / "ru" / "cors.yaml"
    gold.parent.mkdir(parents=True)
    gold.write_text(
        'want:\n  - front: "Что такое CORS?"\n'
        '    back: "механизм, разрешает запросы к другому источнику"\n'
        '  - front: "Кого защищает CORS?"\n    back: "пользователя"\n',
        encoding="utf-8",
    )
    (tmp_path / "gold" / "ru" / "orphan.yaml").write_text("no_mined: true\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(BENCH / "quality.py"), "--corpus", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 1  # the orphan gold file is a problem …
    assert "orphan.yaml: no note for this gold file" in run.stderr
    data = json.loads(run.stdout)  # … and the rest is still measured
    assert data["overall"]["wanted"] == 2 and data["overall"]["met"] == 1
    kept = data["overall"]["kept"]
    assert kept >= 1 and data["overall"]["precision"] == round(kept / data["overall"]["mined"], 4)
    assert [u["front"] for u in data["unmet"]] == ["Кого защищает CORS?"]


def _sample(vault: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH / "sample_cards.py"), str(vault), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


@pytest.mark.slow
def test_a_blind_sample_is_reproducible_and_names_no_extractor(tmp_path):
    (tmp_path / "web.md").write_text(
        "# Веб\n\nCORS — это механизм, который разрешает запросы к другому источнику.\n\n"
        "HSTS — это заголовок, который требует HTTPS.\n\nСтолица Франции::Париж\n",
        encoding="utf-8",
    )
    first = _sample(tmp_path, "--n", "2", "--seed", "3", "--format", "jsonl").stdout
    assert first == _sample(tmp_path, "--n", "2", "--seed", "3", "--format", "jsonl").stdout
    rows = [json.loads(line) for line in first.splitlines()]
    assert [r["n"] for r in rows] == [1, 2] and all(set(r) == {"n", "front", "back"} for r in rows)
    every = _sample(tmp_path, "--n", "50", "--key", str(tmp_path / "key.jsonl")).stdout
    assert "Столица Франции" in every
    assert not re.search(r"explicit|definitions|extractor", every)
    key = [json.loads(x) for x in (tmp_path / "key.jsonl").read_text("utf-8").splitlines()]
    assert any(k["rule"].startswith("explicit") for k in key)  # the key says what the sample hides
    mined = _sample(tmp_path, "--n", "50", "--mined-only").stdout
    assert "Столица Франции" not in mined and "CORS" in mined


def test_a_front_that_loses_a_name_does_not_match_even_with_the_right_back():
    gold = GoldEntry("Что означает position: fixed?", "относительно окна браузера")
    assert not matches("Что такое fixed?", "относительно окна браузера, не двигается", gold)
    qualified = GoldEntry("Что такое прототип объекта в JS?", "объект, на который ссылается")
    assert matches("Что такое прототип?", "объект, на который ссылается [[Prototype]]", qualified)


def test_a_front_may_leave_out_where_a_thing_lives():
    gold = GoldEntry("What is a generator function in Python?", "a function that contains yield")
    assert matches("What is a generator function?", "a function that contains yield", gold)


_WORDS = st.sampled_from(
    [
        "замыкание",
        "промис",
        "очередь",
        "рендер",
        "кэш",
        "origin",
        "fetch",
        "splice",
        "reduce",
        "header",
    ]
)


@pytest.mark.slow
@given(st.lists(_WORDS, min_size=1, max_size=6), _WORDS)
def test_front_scores_are_symmetric_and_extra_words_cost(words, extra):
    front = "Что такое " + " ".join(words) + "?"
    assert front_score(front, front) == 100
    longer = f"{front[:-1]} {extra} {extra}?"
    assert front_score(front, longer) == front_score(longer, front) < 100


@pytest.mark.slow
def test_saved_cards_score_the_same_as_a_fresh_run(tmp_path):
    saved = tmp_path / "cards.json"
    saved.write_text(json.dumps(quality.run_cards(CORPUS / "vault")), encoding="utf-8")
    fresh = quality.main(["--corpus", str(CORPUS), "--json"])
    assert fresh == 0
    _score, from_file, _problems = quality.measure(
        CORPUS, cards=json.loads(saved.read_text("utf-8"))
    )
    _score, from_run, _problems = quality.measure(CORPUS)
    assert from_file == from_run


def test_the_sweep_keeps_only_cards_at_or_above_each_confidence():
    gold = Gold("ru/web/cors.md", want=[GoldEntry("Что такое CORS?", "механизм")])
    good = {
        "front": "Что такое CORS?",
        "back": "механизм",
        "kind": "definition",
        "extractor": "definitions",
        "note": "ru/web/cors.md",
        "confidence": 0.9,
    }
    noise = {
        "front": "Введение — шаг 1 из 2: что происходит?",
        "back": "x",
        "kind": "step",
        "extractor": "procedures",
        "note": "ru/web/cors.md",
        "confidence": 0.3,
    }
    rows = {r["min_confidence"]: r for r in quality.sweep([gold], [good, noise], [0.0, 0.5, 0.95])}
    assert (rows[0.0]["mined"], rows[0.0]["precision"]) == (2, 0.5)
    assert (rows[0.5]["mined"], rows[0.5]["precision"], rows[0.5]["recall"]) == (1, 1.0, 1.0)
    assert (rows[0.95]["mined"], rows[0.95]["recall"]) == (0, 0.0)
    by_shape = quality.summarize(quality.score_corpus([gold], [good, noise]))["by_shape"]
    assert by_shape["web"]["mined"] == 2
