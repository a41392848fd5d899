#!/usr/bin/env python3
"""vrt-check.py FILE: check CWB vertical text as cwb-encode reads it with
-xsB -P type -P fold -S text:0+id+date -S p -S s: the file, wrapped in one
root element, is well-formed XML (so every entity is escaped and no C0
control is left); structural lines are <text ...>, </text>, <p>, </p>,
<s>, </s>, nested text > p > s; every other line is a token with three
TAB-separated attributes (word, type, fold), none empty, inside an <s>.
Prints "N texts, N tokens, ok"; exit 1 on a problem."""
import re
import sys
import xml.dom.minidom

data = open(sys.argv[1], "rb").read().decode("utf-8")
problems = []
try:
    xml.dom.minidom.parseString("<corpus>\n" + data + "</corpus>")
except Exception as e:  # noqa: BLE001 - any parse error is the finding
    problems.append(f"not well-formed: {e}")
stack = []
texts = toks = 0
for n, l in enumerate(data.split("\n")[:-1], 1):
    m = re.match(r"^<(/?)(text|p|s)( [a-z]+=\"[^\"]*\")*>$", l)
    if m:
        close, tag = m.group(1), m.group(2)
        want = {"text": [], "p": ["text"], "s": ["text", "p"]}[tag]
        if close:
            if not stack or stack[-1] != tag:
                problems.append(f"line {n}: </{tag}> does not close {stack[-1:]}")
            else:
                stack.pop()
        else:
            if stack != want:
                problems.append(f"line {n}: <{tag}> inside {stack}")
            stack.append(tag)
            texts += tag == "text"
        continue
    f = l.split("\t")
    if len(f) != 3 or not all(f):
        problems.append(f"line {n}: a token line needs word, type, fold: {l!r}")
    if stack != ["text", "p", "s"]:
        problems.append(f"line {n}: a token outside <s>")
    toks += 1
if stack:
    problems.append(f"unclosed {stack}")
for p in problems[:8]:
    print(p)
print(f"{texts} texts, {toks} tokens, {'ok' if not problems else str(len(problems)) + ' problems'}")
sys.exit(1 if problems else 0)
