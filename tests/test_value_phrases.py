"""The phrases of knowledge/values are data (values_<lang>.json): both languages say the
same things, and a user's knowledge file can reword one, which changes the card."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notecards.knowledge import lookup_phrase, reset_user_knowledge
from notecards.knowledge.values import explain_header

KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "notecards" / "knowledge"
_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]
SECURE = "cookies.cookie_attribute.it-is-sent-only-over-https"


def _phrases(lang: str) -> dict[str, str]:
    document = json.loads((KNOWLEDGE / f"values_{lang}.json").read_text(encoding="utf-8"))
    return document["phrases"][lang]


def test_english_and_russian_have_the_same_phrases_with_the_same_blanks() -> None:
    """A phrase the other language lacks, or a {blank} only one fills, is a mistake
    (a case form such as {span_acc} may stand where the other language has {span})."""
    en, ru = _phrases("en"), _phrases("ru")
    assert sorted(en) == sorted(ru) and len(en) > 150

    def blanks(text: str) -> set[str]:
        return {re.sub(r"_(nom|gen|acc)$", "", b) for b in re.findall(r"\{(\w+)\}", text)}

    differ = {k for k in en if blanks(en[k]) != blanks(ru[k])}
    # the few whose English and Russian are built from different expressions
    assert len(differ) <= 5, sorted(differ)


def test_a_phrase_comes_from_the_data_and_falls_back_to_english() -> None:
    assert lookup_phrase("ru", SECURE) == "передаётся только по HTTPS"
    assert lookup_phrase("de", SECURE) == "it is sent only over HTTPS"
    assert lookup_phrase("en", "no.such.phrase") is None
    answer = explain_header("Set-Cookie", "id=1; Secure", "ru")
    assert answer is not None and "передаётся только по HTTPS" in answer


@pytest.mark.slow
def test_a_user_knowledge_file_rewords_a_phrase_on_the_card(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    knowledge = vault / ".notecards" / "knowledge"
    knowledge.mkdir(parents=True)
    (vault / "cookies.md").write_text(
        "---\nlang: ru\n---\n# Куки\n\nКуку ставит заголовок Set-Cookie.\n\n"
        "```http\nHTTP/1.1 200 OK\n"
        "Set-Cookie: id=1; Secure; HttpOnly\n```\n",
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def backs() -> str:
        run = subprocess.run([*NOTECARDS, "cards", str(vault), "--json"], env=env,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
        assert run.returncode == 0, run.stderr
        return run.stderr + "\n".join(c["back"] for c in json.loads(run.stdout))

    assert "передаётся только по HTTPS" in backs()
    user = {"phrases": {"ru": {SECURE: "уходит лишь по зашифрованному каналу"}}}
    (knowledge / "mine.json").write_text(json.dumps(user, ensure_ascii=False), encoding="utf-8")
    reworded = backs()
    assert "уходит лишь по зашифрованному каналу" in reworded
    assert "передаётся только по HTTPS" not in reworded

    # a misspelt key changes nothing and is reported at its line, the cards still come
    typo = '{"phrases": {"ru":\n {"cookies.no-such-phrase": "x"}}}'
    (knowledge / "mine.json").write_text(typo, encoding="utf-8")
    reported = backs()
    assert 'mine.json:2: unknown phrase "cookies.no-such-phrase"' in reported
    assert "передаётся только по HTTPS" in reported


@pytest.fixture(autouse=True)
def _forget_user_knowledge():
    reset_user_knowledge()
    yield
    reset_user_knowledge()
