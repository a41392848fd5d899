#!/usr/bin/python3
# What a user would run instead of ar-date: dateparser's search_dates on each
# line, Arabic, printing what it finds (the bench times it on a small file).
import sys
from dateparser.search import search_dates

for line in sys.stdin:
    found = search_dates(line, languages=["ar"]) or []
    for text, value in found:
        print(f"{value.isoformat()}\t{text}")
