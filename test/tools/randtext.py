#!/usr/bin/env python3
"""randtext.py [LINES] [SEED]: random lines of text for the invariant checks.

Mixes what breaks text tools: Arabic letters and every kind of mark,
Persian and Urdu look-alikes, presentation forms and ligatures, tatweel,
zero-width and bidi controls, NBSP and other spaces, Latin, digits of
three scripts, punctuation, controls (NUL, ESC, CR), HTML character references and their
fragments, combining marks of
other scripts (U+0F73, U+0300), Hangul jamo, astral characters, and
long runs. Deterministic for a seed; always valid UTF-8 (surrogates
excluded)."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)

POOLS = [
    (30, [chr(c) for c in range(0x0621, 0x064B)]),                  # letters
    (10, [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]),     # harakat, hamza marks
    (3, [chr(c) for c in range(0x0610, 0x061B)] + [chr(c) for c in range(0x06D6, 0x06EE)]),
    (4, ["\u06cc", "\u06a9", "\u06c0", "\u06c1", "\u06d5", "\u06d2", "\u0671", "\u0672", "\u0673", "\u06c2"]),
    (4, [chr(c) for c in range(0xFE70, 0xFEFD)] + [chr(c) for c in range(0xFB50, 0xFBB2)]),
    (1, ["\ufdf2", "\ufdfc", "\ufdfd", "\ufefb", "\ufef7", "\ufef5"]),
    (3, ["\u0640"]),
    (4, ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u061c", "\u200e",
         "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069"]),
    (12, [" "]),
    (3, ["\u00a0", "\t", "\u2009", "\u3000", "\u202f"]),
    (8, [chr(c) for c in range(0x61, 0x7B)] + [chr(c) for c in range(0x41, 0x5B)]),
    (5, [chr(c) for c in range(0x30, 0x3A)] + [chr(c) for c in range(0x0660, 0x066A)]
        + [chr(c) for c in range(0x06F0, 0x06FA)] + ["\u066b", "\u066c"]),
    (5, list(".,;:!?-()\"'/@#%&*«»،؛؟…—–“”") + ["\u066a", "\u06d4"]),
    (1, ["\x00", "\x1b", "\r", "\x01", "\x7f", "\x0b"]),
    (2, ["\u0300", "\u0301", "\u0327", "\u0f71", "\u0f72", "\u0f73", "\u0f74", "\u0f75", "\u0f81",
         "\u0344", "e", "o", "\u1100", "\u1161", "\u11a8", "\u09be", "\u09c7"]),
    (1, ["\U0001F600", "\U0001D400", "\U00010E60", "\U0001EE00", "\U0001EEF0"]),
    (2, ["&", "&amp;", "&quot;", "&#1573;", "&#x625;", "&lt", "&nbsp;", "amp;", "#", "#x", ";",
         "&#", "&copy", "quot", "&#8220;", "\uff06", "&#65286;", "&#128;", "&#0;"]),
]
weights = [w for w, _ in POOLS]


def char():
    pool = rng.choices(POOLS, weights)[0][1]
    return rng.choice(pool)


out = sys.stdout
for i in range(n):
    r = rng.random()
    if r < 0.02:
        line = char() * rng.randint(30, 400)            # a long run of one character
    elif r < 0.04:
        line = ""
    else:
        line = "".join(char() for _ in range(rng.randint(1, 120)))
    if rng.random() < 0.03:
        line += "\r" * rng.randint(1, 3)                # stray carriage returns
    out.write(line + "\n")
