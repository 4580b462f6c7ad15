"""Review state: one SQLite file per user, outside the notes.

One module past 500 lines because it is the only code that knows the schema: every
query, migration and recovery from a damaged file sits next to the tables it reads.

Why SQLite: each grade must survive Ctrl-C, a closed terminal or a killed process,
and two quizzes may run at once. So the file is in WAL mode with a busy timeout, and
every grade is one short `BEGIN IMMEDIATE … COMMIT` transaction of its own.

Schema (version in `PRAGMA user_version`, currently 1):

- `cards(id, anki_key, fsrs, state, due)`: the FSRS card of every card reviewed at
  least once, as `fsrs.Card.to_dict()` JSON, with its state and due time (epoch
  seconds, UTC) copied out for queries. `anki_key` is `<anki guid>.<card ord>`, so
  a deck read back from an .apkg finds the history its cards gathered from notes.
- `reviews(id, card_id, rating, reviewed_at, duration_ms, mode, session,
  prev_state, prev_fsrs, log)`: one row per grade; `prev_*` is the card before the
  grade (NULL for a new card), which is what undo restores and what true retention
  is measured on.
- `sources(path, used)`: the notes, folders and packages quizzed (absolute paths),
  so `notecards quiz` with no path can review them all. Added to schema 1 files as
  they are opened for writing (older notecards ignore a table they do not read).
- `problems_shown(key, shown)`: digests of the problems in the notes a quiz has shown,
  with when a quiz last met each (a problem is shown once, not every morning; one no
  quiz met for `PROBLEM_MEMORY` is forgotten: fixed, or in notes no longer quizzed, and
  shown once more if it is met again); added the same way as `sources`.

A file that is not a readable database is moved aside to `<name>.corrupt-<time>` and
reported; a file written by a newer notecards is reported and left untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import fsrs

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 15.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    id       TEXT PRIMARY KEY,
    anki_key TEXT,
    fsrs     TEXT NOT NULL,
    state    INTEGER NOT NULL,
    due      REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS cards_due ON cards(due);
CREATE INDEX IF NOT EXISTS cards_anki_key ON cards(anki_key);
CREATE TABLE IF NOT EXISTS reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id     TEXT NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at REAL NOT NULL,
    duration_ms INTEGER,
    mode        TEXT NOT NULL DEFAULT '',
    session     TEXT NOT NULL DEFAULT '',
    prev_state  INTEGER,
    prev_fsrs   TEXT,
    log         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_card ON reviews(card_id);
CREATE INDEX IF NOT EXISTS reviews_time ON reviews(reviewed_at);
"""
_SOURCES = "CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, used REAL NOT NULL)"
_PROBLEMS_SHOWN = (
    "CREATE TABLE IF NOT EXISTS problems_shown (key TEXT PRIMARY KEY, shown REAL NOT NULL)"
)
_OUR_TABLES = {"cards", "reviews", "sqlite_sequence", "sources", "problems_shown"}
FORECAST_DAYS = 30
PROBLEM_MEMORY = timedelta(days=90)  # a problem no quiz met for this long is forgotten


@contextlib.contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One transaction under SQLite's write lock (BEGIN IMMEDIATE): what is read in it is
    what another quiz on the same file left, and a failure writes nothing."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


class StateError(Exception):
    """A problem with the state file, worded for the user (no traceback needed)."""


class StateCorrupt(StateError):
    """The file was not a readable database; it has been moved aside."""


class StateTooNew(StateError):
    """The file was written by a newer notecards; it is left as it is."""


class StateReadOnly(StateError):
    """The file (or its folder) cannot be written: no grade could be saved."""


class UndoRefused(StateError):
    """Undo would throw away a grade another session gave the card since."""


@dataclass(frozen=True, slots=True)
class Graded:
    """What `ReviewStore.review` wrote: the review's id (for undo), and the card after."""

    review_id: int
    state_id: str
    card: fsrs.Card


def default_path() -> Path:
    """`$NOTECARDS_STATE`, else `reviews.sqlite3` in the user's data dir (XDG_DATA_HOME)."""
    env = os.environ.get("NOTECARDS_STATE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("notecards", appauthor=False)) / "reviews.sqlite3"


def fsrs_card_id(card_id: str) -> int:
    """FSRS wants an integer id; derive a stable positive one from ours."""
    return int.from_bytes(hashlib.blake2b(card_id.encode(), digest_size=7).digest(), "big")


def new_fsrs_card(card_id: str, now: datetime) -> fsrs.Card:
    import fsrs

    return fsrs.Card(card_id=fsrs_card_id(card_id), due=now)


def _epoch(moment: datetime) -> float:
    return moment.timestamp()


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


@dataclass(frozen=True, slots=True)
class Known:
    """A card's saved state, and the id it is saved under (it may be an alias's)."""

    state_id: str
    card: fsrs.Card


@dataclass
class Stats:
    cards: int = 0  # cards with a saved state (for a path: the path's cards, new included)
    new: int = 0  # for a path: its cards never graded
    known: int = 0  # in the Review state: learnt, not still in learning steps
    learning: int = 0
    due_now: int = 0
    due_next_7_days: int = 0
    reviews: int = 0
    reviews_today: int = 0
    retention: float | None = None  # true retention: passed / reviews of Review cards
    streak: int = 0  # consecutive days with reviews, ending today (or yesterday)
    next_due: datetime | None = None
    days: dict[date, int] = field(default_factory=dict)  # local date → reviews
    forecast: list[int] = field(default_factory=list)  # cards due on each of the next days

    def to_json(self, today: date | None = None) -> dict[str, Any]:
        today = today or date.today()
        return {
            "cards": self.cards,
            "new": self.new,
            "known": self.known,
            "learning": self.learning,
            "due_now": self.due_now,
            "due_next_7_days": self.due_next_7_days,
            "reviews": self.reviews,
            "reviews_today": self.reviews_today,
            "retention": None if self.retention is None else round(self.retention, 4),
            "streak": self.streak,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "days": {d.isoformat(): n for d, n in sorted(self.days.items())},
            "forecast": [
                {"date": (today + timedelta(days=n)).isoformat(), "due": count}
                for n, count in enumerate(self.forecast)
            ],
        }


def _backup_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return candidate


def _move_aside(path: Path) -> Path:
    """Rename a broken file (and its WAL companions, so they never meet a new file)."""
    backup = _backup_name(path)
    path.rename(backup)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(backup.with_name(backup.name + suffix))
    return backup


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
        return True
    text = str(error).lower()
    return "not a database" in text or "malformed" in text


class ReviewStore:
    """The review state file. Open with `ReviewStore.open(path)`; close when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path, *, writable: bool = True) -> ReviewStore:
        """Open (creating if needed) and check the file; raise StateError if unusable.

        `writable` checks, before anything is asked, that a grade could be saved: a
        read-only file found only at the first grade would lose that grade.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StateError(f"cannot create {path.parent}: {error.strerror}") from None
        if path.is_dir():
            raise StateError(f"{path} is a folder, not a review state file")
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as error:
            raise StateError(f"cannot open review state {path}: {error}") from None
        try:
            cls._prepare(db, path)
            if writable:
                cls._check_writable(db, path)
        except sqlite3.DatabaseError as error:
            db.close()
            if _is_corruption(error):
                backup = _move_aside(path)
                raise StateCorrupt(
                    f"review state {path} is damaged ({error}); it was moved to {backup} "
                    "and a new one will be started next time"
                ) from None
            raise StateError(f"cannot use review state {path}: {error}") from None
        except StateError:
            db.close()
            raise
        return cls(db, path)

    @staticmethod
    def _prepare(db: sqlite3.Connection, path: Path) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StateTooNew(
                f"review state {path} was written by a newer notecards (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade notecards or pass --state"
            )
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        if version == 0:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            foreign = {t for t in tables if not t.startswith("sqlite_")} - _OUR_TABLES
            if foreign:
                raise StateError(
                    f"{path} is a database of something else (tables: "
                    f"{', '.join(sorted(foreign))}), not a notecards review state"
                )
            with write_transaction(db):
                # re-read inside the lock: another quiz may have created it meanwhile
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        for table, create in (("sources", _SOURCES), ("problems_shown", _PROBLEMS_SHOWN)):
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
                # a read-only file keeps none: nothing is read, and quizzing is refused
                with contextlib.suppress(sqlite3.OperationalError):
                    db.execute(create)
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        db.execute("SELECT id, anki_key, fsrs, state, due FROM cards LIMIT 0")
        db.execute("SELECT id, card_id, rating, prev_fsrs FROM reviews LIMIT 0")

    @staticmethod
    def _check_writable(db: sqlite3.Connection, path: Path) -> None:
        """Try a write that changes nothing, and take it back."""
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "") not in (
                "SQLITE_READONLY",
                "SQLITE_CANTOPEN",
                "SQLITE_PERM",
                "SQLITE_IOERR",
            ) and "readonly" not in str(error):
                raise
            raise StateReadOnly(
                f"review state {path} is read-only, so no grade could be saved; make it "
                "(and its folder) writable, or pass --state with another file"
            ) from None
        finally:
            if db.in_transaction:
                db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ reading

    def load(self, ids: Iterable[str], keys: Mapping[str, str] | None = None) -> dict[str, Known]:
        """Saved states of the given cards, by their id; `keys` maps an id to its
        anki_key, so a card saved under another id with the same key is found too."""
        import fsrs

        ids = list(ids)
        keys = dict(keys or {})
        found: dict[str, Known] = {}
        rows = self._db.execute("SELECT id, anki_key, fsrs FROM cards").fetchall()
        by_id = {row[0]: row for row in rows}
        by_key = {row[1]: row for row in rows if row[1]}
        for card_id in ids:
            row = by_id.get(card_id) or by_key.get(keys.get(card_id, ""))
            if row is not None:
                found[card_id] = Known(row[0], fsrs.Card.from_dict(json.loads(row[2])))
        return found

    def next_due(self, after: datetime) -> datetime | None:
        row = self._db.execute("SELECT min(due) FROM cards WHERE due > ?", (_epoch(after),))
        value = row.fetchone()[0]
        return None if value is None else _utc(value)

    def reviewed_since(self, moment: datetime) -> set[str]:
        """Ids (as saved) of the cards graded at or after `moment`: their siblings are
        buried until the next day."""
        rows = self._db.execute(
            "SELECT DISTINCT card_id FROM reviews WHERE reviewed_at >= ?", (_epoch(moment),)
        )
        return {row[0] for row in rows}

    def remember_source(self, path: Path, now: datetime) -> None:
        """Note a quizzed note, folder or package for `notecards quiz` without a path."""
        self._db.execute(
            "INSERT INTO sources (path, used) VALUES (?, ?) ON CONFLICT(path) DO UPDATE"
            " SET used = excluded.used",
            (str(path), _epoch(now)),
        )

    def first_sightings(self, keys: Iterable[str], now: datetime) -> set[str]:
        """Which of `keys` (problem digests) were never shown before. Every key is
        recorded as met now, and keys no quiz met for `PROBLEM_MEMORY` are forgotten, so
        the table holds the problems still in the notes, not every one ever shown. Where
        nothing can be recorded, every key is new."""
        wanted = set(keys)
        met = _epoch(now)
        try:
            with write_transaction(self._db):
                seen = {
                    row[0]
                    for row in self._db.execute("SELECT key FROM problems_shown")
                    if row[0] in wanted
                }
                self._db.executemany(
                    "INSERT INTO problems_shown (key, shown) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET shown = excluded.shown",
                    [(key, met) for key in sorted(wanted)],
                )
                self._db.execute(
                    "DELETE FROM problems_shown WHERE shown < ?",
                    (met - PROBLEM_MEMORY.total_seconds(),),
                )
        except sqlite3.OperationalError:  # read-only, or a file without the table
            return wanted
        return wanted - seen

    def sources(self) -> list[Path]:
        """Every source quizzed before, most recent first."""
        try:
            rows = self._db.execute("SELECT path FROM sources ORDER BY used DESC, path")
            return [Path(row[0]) for row in rows]
        except sqlite3.OperationalError:  # no such table: nothing quizzed with this version
            return []

    def review_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM reviews").fetchone()[0]

    def _stored(self, state_id: str, anki_key: str) -> tuple[str, fsrs.Card] | None:
        """The card as the file holds it now (by id, else by its Anki key)."""
        import fsrs

        row = self._db.execute(
            "SELECT id, fsrs FROM cards WHERE id = ? OR (? != '' AND anki_key = ?)"
            " ORDER BY id = ? DESC LIMIT 1",
            (state_id, anki_key, anki_key, state_id),
        ).fetchone()
        return None if row is None else (row[0], fsrs.Card.from_dict(json.loads(row[1])))

    # ------------------------------------------------------------ writing

    def review(
        self,
        state_id: str,
        rating: int,
        now: datetime,
        scheduler: fsrs.Scheduler,
        *,
        duration_ms: int | None = None,
        anki_key: str = "",
        mode: str = "",
        session: str = "",
    ) -> Graded:
        """Grade a card from the state the file holds *now*, in one transaction.

        Another quiz on the same file may have graded the card since this one loaded
        it: scheduling from the stored card (read and written under one write lock)
        counts both grades, where scheduling from the loaded copy would lose one.
        """
        import fsrs

        with write_transaction(self._db):
            stored = self._stored(state_id, anki_key)
            if stored is not None:
                state_id, before = stored
            else:
                before = None
            after, log = scheduler.review_card(
                before or new_fsrs_card(state_id, now), fsrs.Rating(rating), now, duration_ms
            )
            review_id = self._write(state_id, before, after, log, anki_key, mode, session)
        return Graded(review_id, state_id, after)

    def record(
        self,
        state_id: str,
        before: fsrs.Card | None,
        after: fsrs.Card,
        log: fsrs.ReviewLog,
        *,
        anki_key: str = "",
        mode: str = "",
        session: str = "",
    ) -> int:
        """Save a grade computed elsewhere, in its own transaction; return its id.

        For imports and tests: a quiz uses `review`, which schedules from the stored card.
        """
        with write_transaction(self._db):
            return self._write(state_id, before, after, log, anki_key, mode, session)

    def _write(
        self,
        state_id: str,
        before: fsrs.Card | None,
        after: fsrs.Card,
        log: fsrs.ReviewLog,
        anki_key: str,
        mode: str,
        session: str,
    ) -> int:
        """The review row and the card's new state (inside the caller's transaction)."""
        db = self._db
        cursor = db.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, mode, session,"
            " prev_state, prev_fsrs, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                state_id,
                int(log.rating),
                _epoch(log.review_datetime),
                log.review_duration,
                mode,
                session,
                None if before is None else int(before.state),
                None if before is None else json.dumps(before.to_dict()),
                json.dumps(log.to_dict()),
            ),
        )
        db.execute(
            "INSERT INTO cards (id, anki_key, fsrs, state, due) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET anki_key = coalesce(nullif(excluded.anki_key,"
            " ''), cards.anki_key), fsrs = excluded.fsrs, state = excluded.state,"
            " due = excluded.due",
            (state_id, anki_key, json.dumps(after.to_dict()), int(after.state), _epoch(after.due)),
        )
        return int(cursor.lastrowid or 0)

    def import_schedules(self, seeds: Mapping[str, tuple[str, fsrs.Card]]) -> int:
        """Save the state another tool's schedule gave each card (id → (anki_key, FSRS
        card)), for the cards with no state under their id or key yet, in one
        transaction; no review row is written (none happened here). Returns how many."""
        if not seeds:
            return 0
        db = self._db
        with write_transaction(db):
            rows = db.execute("SELECT id, anki_key FROM cards").fetchall()
            have = {row[0] for row in rows} | {row[1] for row in rows if row[1]}
            fresh = [
                (card_id, key, json.dumps(card.to_dict()), int(card.state), _epoch(card.due))
                for card_id, (key, card) in seeds.items()
                if card_id not in have and key not in have
            ]
            db.executemany(
                "INSERT INTO cards (id, anki_key, fsrs, state, due) VALUES (?, ?, ?, ?, ?)", fresh
            )
        return len(fresh)

    def undo(self, review_id: int) -> bool:
        """Take back one grade and restore the card as it was before it.

        False when there is no such review (taken back already). Refused, with
        `UndoRefused`, when the card has been graded again since, by another session:
        restoring then would throw that later grade away silently.
        """
        db = self._db
        with write_transaction(db):
            row = db.execute(
                "SELECT card_id, prev_fsrs FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                return False  # taken back already: the transaction wrote nothing
            card_id, prev = row
            latest = db.execute(
                "SELECT max(id) FROM reviews WHERE card_id = ?", (card_id,)
            ).fetchone()[0]
            if latest != review_id:
                raise UndoRefused(
                    "cannot undo: another session has graded this card since; its grade is kept"
                )
            if prev is None:
                db.execute("DELETE FROM cards WHERE id = ?", (card_id,))
            else:
                data = json.loads(prev)
                db.execute(
                    "UPDATE cards SET fsrs = ?, state = ?, due = ? WHERE id = ?",
                    (
                        prev,
                        int(data["state"]),
                        datetime.fromisoformat(data["due"]).timestamp(),
                        card_id,
                    ),
                )
            db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return True

    # ------------------------------------------------------------ statistics

    def stats(
        self,
        now: datetime | None = None,
        weeks: int = 12,
        ids: Iterable[str] | None = None,
        new: int = 0,
    ) -> Stats:
        """Counts for `notecards stats`; days are local calendar days.

        `ids` limits everything to those cards (as saved: `Known.state_id`), for the
        stats of one path or deck; `new` is how many of its cards were never graded.
        """
        now = now or datetime.now(UTC)
        t = _epoch(now)
        db = self._db
        if ids is None:
            cards = db.execute("SELECT state, due FROM cards").fetchall()
            reviews = db.execute("SELECT reviewed_at, rating, prev_state FROM reviews").fetchall()
        else:
            wanted = sorted(set(ids))
            cards, reviews = [], []
            for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                cards += db.execute(
                    f"SELECT state, due FROM cards WHERE id IN ({marks})", chunk
                ).fetchall()
                reviews += db.execute(
                    "SELECT reviewed_at, rating, prev_state FROM reviews"
                    f" WHERE card_id IN ({marks})",
                    chunk,
                ).fetchall()
        out = Stats(cards=len(cards) + new, new=new)
        today = now.astimezone().date()
        out.forecast = [0] * FORECAST_DAYS
        for state, due in cards:
            if state == 2:
                out.known += 1
            else:
                out.learning += 1
            out.due_now += due <= t
            out.due_next_7_days += t < due <= t + 7 * 86400
            if due > t and (out.next_due is None or due < _epoch(out.next_due)):
                out.next_due = _utc(due)
            day = max((_utc(due).astimezone().date() - today).days, 0)
            if day < FORECAST_DAYS:
                out.forecast[day] += 1
        out.reviews = len(reviews)
        graded = [rating for _, rating, prev_state in reviews if prev_state == 2]
        out.retention = sum(r > 1 for r in graded) / len(graded) if graded else None
        start = today - timedelta(days=7 * weeks + today.weekday())
        all_days: dict[date, int] = {}
        for moment, _, _ in reviews:
            day = _utc(moment).astimezone().date()
            all_days[day] = all_days.get(day, 0) + 1
        out.days = {d: n for d, n in all_days.items() if d >= start}
        out.reviews_today = all_days.get(today, 0)
        day = today if today in all_days else today - timedelta(days=1)
        while day in all_days:
            out.streak += 1
            day -= timedelta(days=1)
        return out
