#!/usr/bin/env python3
"""split-conserve.py INPUT TSV: check ar-split's promise that nothing is
dropped: with `ar-split -w --tsv INPUT` (or sentences) as TSV, every
character of every input line is inside a row's span or is white space, the
spans do not overlap, and each row's text is the line's characters at its
offsets. Prints the first problems; exit 1 if any."""
import sys

WS = set(" \t\v\f\r\n\u00a0\u2028\u2029\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


raw = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
lines = raw.split("\n")
if lines and lines[-1] == "":
    lines.pop()
lines = [l.rstrip("\r") for l in lines]
spans = {}
for n, row in enumerate(open(sys.argv[2], encoding="utf-8")):
    if n == 0:
        continue
    f = row.rstrip("\n").split("\t")
    line, start, end, text = int(f[1]), int(f[5]), int(f[6]), unescape(f[7])
    spans.setdefault(line, []).append((start, end, text))
bad = 0
for no, l in enumerate(lines, 1):
    cover = [False] * len(l)
    for start, end, text in spans.get(no, []):
        if l[start:end] != text:
            bad += 1
            if bad <= 5:
                print(f"line {no}: row {start}:{end} is {text!r}, line has {l[start:end]!r}")
        for k in range(start, end):
            if cover[k]:
                bad += 1
                if bad <= 5:
                    print(f"line {no}: offset {k} in two rows")
            cover[k] = True
    for k, c in enumerate(l):
        if not cover[k] and c not in WS:
            bad += 1
            if bad <= 5:
                print(f"line {no}: U+{ord(c):04X} at {k} is in no row")
print(f"{bad} problems")
sys.exit(1 if bad else 0)
