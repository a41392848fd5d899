#!/usr/bin/env python3
"""kwic-columns.py MODE: read ar-kwic's text rows (--color=always, so the
keyword sits between ESC[1;31m and ESC[0m) on standard input and print, a
line per row, "WIDTH KW": the display width of the concordance before the
TAB, and the column where the keyword's first letter (its right edge, for
a right-to-left reader) ends up on screen. Display widths as a terminal
counts them: marks and format characters 0, East Asian wide and full
width 2, the rest 1. MODE visual: the row is shown as written (ar-kwic
--visual). MODE bidi: the row is in logical order and all its text is
right to left, as a terminal that applies bidi shows it: what is not
right-to-left at either end (spaces, punctuation) stays, the run between
is reversed."""
import sys
import unicodedata

ON, OFF = "\x1b[1;31m", "\x1b[0m"


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


mode = sys.argv[1]
bad = 0
for raw in sys.stdin.buffer:
    line = raw.decode("utf-8").rstrip("\n")
    if line.count("\t") != 1 or line.count(ON) != 1 or line.count(OFF) != 1:
        print("bad row: %r" % line)
        bad = 1
        continue
    row = line.split("\t")[0]
    before, rest = row.split(ON)
    kw, after = rest.split(OFF)
    total = width(before + kw + after)
    if mode == "visual":
        at = width(before + kw)
    else:
        # on screen: the neutrals in front, the reversed run (what follows
        # the keyword in memory comes first), then the neutrals at the end
        def strong(ch):
            return unicodedata.bidirectional(ch) in ("R", "AL")
        lead = 0
        while lead < len(before) and not strong(before[lead]):
            lead += 1
        end = len(after)
        while end > 0 and not strong(after[end - 1]):
            end -= 1
        at = width(before[:lead]) + width(after[:end]) + width(kw)
    print(total, at)
sys.exit(bad)
