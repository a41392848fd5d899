#!/usr/bin/env python3
"""conllu-check.py FILE: check a CoNLL-U file against the specification
(universaldependencies.org/format.html), field by field: sentences are
blocks of comment lines then word lines, ended by one blank line; a word
line has 10 TAB-separated fields; ID counts from 1; FORM is not empty and
holds no TAB or newline; LEMMA, XPOS, FEATS, HEAD, DEPREL, DEPS are '_' or
well-formed; UPOS is a universal tag or '_'; MISC is '_' or Key=Value
pairs joined by '|'; each sentence has a unique sent_id and a text that
the forms with their SpaceAfter give back; everything is NFC; newdoc and
newpar come before a sentence's sent_id. Prints the first problems and
"N sentences, N tokens, ok"; exit 1 on a problem."""
import re
import sys
import unicodedata

UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
data = open(sys.argv[1], "rb").read()
problems = []


def bad(n, msg):
    problems.append(f"line {n}: {msg}")


try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print(f"not UTF-8: {e}")
    sys.exit(1)
if text and not text.endswith("\n\n"):
    bad(0, "the file must end with a blank line after the last sentence")
if unicodedata.normalize("NFC", text) != text:
    bad(0, "not NFC")
lines = text.split("\n")
if lines and lines[-1] == "":
    lines.pop()
ids = set()
sent = []          # (lineno, line) of the current block
nsent = ntok = 0


def check_block(block):
    global nsent, ntok
    comments = [(n, l) for n, l in block if l.startswith("#")]
    words = [(n, l) for n, l in block if not l.startswith("#")]
    if not words:
        bad(block[0][0], "a sentence without words")
        return
    seen_word = False
    for n, l in block:
        if l.startswith("#"):
            if seen_word:
                bad(n, "a comment after the word lines")
        else:
            seen_word = True
    meta = {}
    for n, l in comments:
        m = re.match(r"^# (newdoc|newpar|sent_id|text)(?: = (.*))?$", l)
        if m:
            key, val = m.group(1), m.group(2)
            if key in ("sent_id", "text") and (val is None or val == ""):
                bad(n, f"# {key} without a value")
            if key == "sent_id" and val and re.search(r"\s", val):
                bad(n, "sent_id holds white space")
            meta[key] = (n, val)
    if "sent_id" not in meta:
        bad(block[0][0], "no # sent_id")
    elif meta["sent_id"][1] in ids:
        bad(meta["sent_id"][0], f"sent_id {meta['sent_id'][1]} not unique")
    else:
        ids.add(meta["sent_id"][1])
    rebuilt = ""
    for k, (n, l) in enumerate(words, 1):
        f = l.split("\t")
        if len(f) != 10:
            bad(n, f"{len(f)} fields, want 10")
            continue
        if f[0] != str(k):
            bad(n, f"ID {f[0]}, want {k}")
        if not f[1] or f[1] != f[1].strip("\n"):
            bad(n, "empty FORM")
        if f[3] != "_" and f[3] not in UPOS:
            bad(n, f"UPOS {f[3]} is no universal tag")
        for i in (2, 4, 5, 7, 8):
            if f[i] == "":
                bad(n, f"field {i + 1} empty (use _)")
        if f[6] != "_" and not f[6].isdigit():
            bad(n, f"HEAD {f[6]}")
        space = True
        if f[9] != "_":
            for kv in f[9].split("|"):
                if not re.match(r"^[A-Za-z][A-Za-z0-9_]*=.+$", kv):
                    bad(n, f"MISC item {kv!r}")
                if kv == "SpaceAfter=No":
                    space = False
                m = re.match(r"^TokenRange=(\d+):(\d+)$", kv)
                if m and int(m.group(1)) >= int(m.group(2)):
                    bad(n, f"TokenRange {kv}")
        rebuilt += f[1] + (" " if space and k < len(words) else "")
        ntok += 1
    if "text" not in meta:
        bad(block[0][0], "no # text")
    elif meta["text"][1] != rebuilt:
        bad(meta["text"][0], f"# text is not what the forms give back: {meta['text'][1]!r} vs {rebuilt!r}")
    nsent += 1


start = None
for n, l in enumerate(lines, 1):
    if l == "":
        if sent:
            check_block(sent)
        else:
            bad(n, "an empty sentence (two blank lines)")
        sent = []
        continue
    sent.append((n, l))
if sent:
    bad(sent[0][0], "the last sentence is not ended by a blank line")
for p in problems[:8]:
    print(p)
print(f"{nsent} sentences, {ntok} tokens, {'ok' if not problems else str(len(problems)) + ' problems'}")
sys.exit(1 if problems else 0)
