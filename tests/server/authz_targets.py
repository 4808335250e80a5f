"""The rights table over people: every command that names a participant, for every role,
aimed at oneself, at a member of one's own site, at a member of another site, and at a
member of a meeting one takes no part in.

Data, like ``authz_matrix.py`` (which renders it into docs/security.md);
``tests/server/test_authz_targets.py`` runs every cell on the server's pipeline.

Who is who, in a meeting with a central site and two remote ones: ``chair``,
``secretary`` and ``observer`` sit at the central site, ``site secretary`` (a secretary)
and ``delegate`` at the first remote site; ``admin`` and ``organizer`` take no part and
count the central site as theirs. Targets are delegates: *same site* is one at the
actor's site, *other site* one at the second remote site for the central site's people
and one at the central site for the remote site's, *other meeting* one of a meeting the
actor takes no part in. Every target has checked in and is online.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTORS = ("admin", "organizer", "chair", "secretary", "site secretary", "delegate", "observer")
TARGETS = ("self", "same site", "other site", "other meeting")
CODES = {"o": "ok", "f": "forbidden", "n": "not_found", "i": "invalid", "c": "conflict"}


@dataclass(frozen=True)
class TargetRule:
    """One row: a command aimed at someone, and what each actor gets per target."""

    key: str
    """The row's name (the test's id)."""
    command: str
    label: str
    """What is done to the target, in words."""
    cells: dict[str, str]
    """Per actor, one code per target in TARGETS order: o ok, f forbidden, n not found,
    i invalid (e.g. a member cannot represent themself)."""
    note: str = ""

    def outcome(self, actor: str, target: str) -> str:
        """The expected outcome code (``ok``, ``forbidden``, ...)."""
        return CODES[self.cells[actor].split()[TARGETS.index(target)]]


def row(key: str, command: str, label: str, note: str = "", **cells: str) -> TargetRule:
    """A row; ``cells`` by actor (``site_secretary`` for "site secretary")."""
    by_actor = {actor.replace("_", " "): codes for actor, codes in cells.items()}
    assert set(by_actor) == set(ACTORS), key
    assert all(len(codes.split()) == len(TARGETS) for codes in by_actor.values()), key
    return TargetRule(key, command, label, by_actor, note)


NOBODY = "f f f n"
"""Refused in the own meeting, and the foreign one not disclosed."""

TARGET_RULES: list[TargetRule] = [
    row("set-role", "participant.set", "make them an observer",
        "secretaries: delegates and observers only",
        admin="f o o o", organizer="f o o o", chair=NOBODY, secretary="f o o n",
        site_secretary="f o f n", delegate=NOBODY, observer=NOBODY),
    row("grant-chair", "participant.set", "make them chair",
        "only the meeting's organiser grants chair or secretary; self: an organiser taking no part yet",
        admin="o o o o", organizer="o o o o", chair=NOBODY, secretary=NOBODY,
        site_secretary=NOBODY, delegate=NOBODY, observer=NOBODY),
    row("set-weight", "participant.set", "give them voting weight 5",
        "only the meeting's organiser; never while a poll is open",
        admin="f o o o", organizer="f o o o", chair=NOBODY, secretary=NOBODY,
        site_secretary=NOBODY, delegate=NOBODY, observer=NOBODY),
    row("move-site", "participant.set", "move them to another site",
        "a site secretary moves nobody across sites",
        admin="f o o o", organizer="f o o o", chair=NOBODY, secretary="f o o n",
        site_secretary=NOBODY, delegate=NOBODY, observer=NOBODY),
    row("remove", "participant.remove", "take them out of the meeting",
        "the chair and secretaries only by the meeting's organiser",
        admin="n o o o", organizer="n o o o", chair=NOBODY, secretary="f o o n",
        site_secretary="f o f n", delegate=NOBODY, observer=NOBODY),
    row("mark-absent", "attendance.set", "mark them absent (present, online)",
        "a present, online participant: only the chair; an admin is no participant",
        admin="n o o o", organizer="n n n n", chair="o o o n", secretary=NOBODY,
        site_secretary=NOBODY, delegate=NOBODY, observer=NOBODY),
    row("proxy-self", "attendance.set_proxy", "name the caller their proxy",
        "a proxy is never named by the proxy; a member cannot represent themself",
        admin="n f f f", organizer="n n n n", chair="i f f n", secretary=NOBODY,
        site_secretary=NOBODY, delegate="i f f n", observer=NOBODY),
    row("proxy-other", "attendance.set_proxy",
        "name a third member their proxy, citing a written authorisation",
        "the member themself, or the chair from the member's written authorisation",
        admin="n o o o", organizer="n n n n", chair="o o o n", secretary=NOBODY,
        site_secretary=NOBODY, delegate="o f f n", observer=NOBODY),
    row("speak-for", "speaker.request", "ask for the floor for them",
        "on someone's behalf: the chair, or a secretary for their site",
        admin="f o o o", organizer="n n n n", chair="o o o n", secretary="o o o n",
        site_secretary="o o f n", delegate="o f f n", observer=NOBODY),
    row("give-floor", "speaker.grant", "give them the floor",
        "the chair",
        admin="n o o o", organizer="n n n n", chair="o o o n", secretary=NOBODY,
        site_secretary=NOBODY, delegate=NOBODY, observer=NOBODY),
]

TARGET_RULE = {rule.key: rule for rule in TARGET_RULES}
assert len(TARGET_RULE) == len(TARGET_RULES)

WORD = {"o": "ok", "f": "no", "n": "n/f", "i": "inv", "c": "conflict"}


def render_targets() -> list[str]:
    """The table as Markdown lines."""
    lines = ["### Aimed at people", "",
             "A cell reads *self · same site · other site · other meeting*: `ok`, `no` (forbidden), "
             "`n/f` (not found: the meeting, or an admin who is no participant), `inv` (invalid). "
             "Who sits where: `tests/server/authz_targets.py`.", "",
             "| command | what | " + " | ".join(ACTORS) + " | note |",
             "|---" * (len(ACTORS) + 3) + "|"]
    for rule in TARGET_RULES:
        cells = " | ".join(" · ".join(WORD[c] for c in rule.cells[a].split()) for a in ACTORS)
        lines.append(f"| `{rule.command}` | {rule.label} | {cells} | {rule.note} |")
    return lines
