"""The terminal quiz: a session over cards, asked in modes, scheduled with FSRS.

Modules: `session` (which cards, in what order, grades and undo), `modes` (one
function per way of asking), `answers` (normalizing and comparing typed answers),
`ui` (rich on a terminal, plain lines otherwise), `apkg_reader` (cards from a deck).
The review state itself lives in `notecards.quiz.state`.

A session works as Anki's reviewer does: due reviews, then new cards; a card graded
into a learning step (Again, or Good on a new card) comes back when its step is due,
and early, within the 20-minute learn-ahead limit, once nothing else is left. The
header shows `new + learning + due` cards left and the card's state with its last
interval; siblings are buried until the next day (`--no-bury` keeps them, spaced).

Mixed mode asks each card the way that suits it, first rule that applies:

1. a kind asked in order (notecards/kinds.py: "sequence") with 2+ steps → order
   (put the shuffled steps back in order);
2. a kind asked by its members ("enumeration") → type when it has at most 5 members
   of at most 4 words each (typed as a comma-separated list; every member must be
   named), else flip;
3. a one-line back of at most 4 words → type;
4. a kind asked by choice (definition, term, the http-* kinds) that has at least 3
   same-kind siblings with other answers → choice (4 options);
5. anything else → flip.

--mode order takes only the cards that have steps to order. A card that cannot be
asked in the mode forced with --mode (choice without any distractor) is flipped.

Scripted input (standard input not a terminal): one line per answer.

- flip: a grade, 1-4 or again/hard/good/easy (the answer is printed before it);
- type: the typed answer; an empty line is "don't know" (Again). A near miss is
  accepted only when its similarity ratio is at least 92 (rapidfuzz ratio of the
  normalized texts; short answers and acronyms never) and then counts as Hard;
- choice: the option number; order: the step numbers in order, e.g. `3 1 2 4`;
- `:q` quits (saving), `:u` undoes the last grade, `:e` opens the note in $EDITOR
  and reloads it, at every prompt, as on a terminal; `q`, `u` and `e` too, except as
  a typed answer (where `q` may be one). EOF ends the session. A line that answers
  nothing (a grade `x`) skips the card, is reported on stderr, and makes the exit
  status 1.

Every read line is echoed as `> line`; each card starts with a header line
`N new + N learning + N due · STATE · SOURCE`, and the last line printed is
`score K/N · …`: N grades given (a card back on its learning step counts again),
K of them right (graded above Again).
"""
