"""Inline math a card can show as text: "$\\geq 1$" → "≥ 1", or None when it cannot.

A list item such as "Sparse: $\\geq 1$ edge per node" becomes the back of a card; a
reader sees "$\\geq 1$" as markup. Small formulas, a symbol and a number, read the
same in Unicode, so they are rewritten with a short table; anything larger (fractions,
sums, matrices) is left to the note, and the card that would show it is not made.
"""

from __future__ import annotations

import re

_SYMBOLS = {
    "geq": "≥", "ge": "≥", "leq": "≤", "le": "≤", "neq": "≠", "ne": "≠", "approx": "≈",
    "equiv": "≡", "sim": "∼", "times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
    "implies": "⇒", "iff": "⇔", "leftrightarrow": "↔", "infty": "∞", "in": "∈",
    "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "cup": "∪", "cap": "∩",
    "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
    "wedge": "∧", "vee": "∨", "oplus": "⊕", "ldots": "…", "dots": "…", "cdots": "⋯",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "omega": "ω", "Gamma": "Γ",
    "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Omega": "Ω", "log": "log", "ln": "ln", "max": "max", "min": "min",
}  # fmt: skip
_SUPERSCRIPTS = str.maketrans("0123456789+-n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# as pandoc reads it: no space inside either dollar, no digit after the closing one
# ("costs $5 and $6" is money)
_INLINE = re.compile(r"(\$\$?)(?!\s)([^$]+?)(?<!\s)\1(?!\d)")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_SCRIPT = re.compile(r"([\^_])(?:\{([0-9n+-]{1,3})\}|([0-9n]))")
_SPACING = re.compile(r"\\[,;:! ]")


def math_as_text(text: str) -> str | None:
    """`text` with each `$…$` written in Unicode; None when some formula has no such
    form (a command outside the table, braces, a fraction)."""
    if "$" not in text:
        return text
    failed = False

    def plain(match: re.Match[str]) -> str:
        nonlocal failed
        formula = _SPACING.sub(" ", match.group(2))
        formula = _COMMAND.sub(lambda m: _symbol(m.group(1)), formula)
        formula = _SCRIPT.sub(_script, formula)
        formula = " ".join(formula.split())
        if "\0" in formula or re.search(r"[\\{}^_$]", formula):
            failed = True
        return formula

    result = _INLINE.sub(plain, text)
    return None if failed else result


def _symbol(name: str) -> str:
    return _SYMBOLS.get(name, "\0")


def _script(match: re.Match[str]) -> str:
    digits = match.group(2) or match.group(3)
    table = _SUPERSCRIPTS if match.group(1) == "^" else _SUBSCRIPTS
    shown = digits.translate(table)
    return "\0" if any(c in "0123456789n+-" for c in shown) else shown
