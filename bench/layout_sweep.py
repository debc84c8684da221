#!/usr/bin/env python3
"""The page-layout sweep behind src/page_breaks.rs: variants of a few fixtures with 0-15 filler
paragraphs (and short ones) before them, so that they fall at every place on the page, rendered
in one batch and checked from the PDF text per page (a footnote on the page of its reference,
a lead-in on the page of its table or list, a statement's introduction with its first text).
usage: bench/layout_sweep.py BINARY WORKDIR [case ...]"""
import json, os, subprocess, sys, shutil, copy

BASE = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures') + '/page-breaks/footnotes-sharing-a-page-foot.json'))
LONG = ("Politiet har i perioden styrket indsatsen over for organiseret kriminalitet, og der er "
        "etableret et tættere samarbejde mellem politikredsene og anklagemyndigheden om sagerne.")
NOTES = {
    "a": "Note om første henvisning NOTEA.",
    "b": "Note om anden henvisning NOTEB. Bemærkningen gælder for hele perioden og er indhentet fra Rigspolitiets ledelsesinformation, som opdateres løbende.",
    "c": "Note om tredje henvisning NOTEC.",
}
TABLE = {"number": 1, "caption": "Sager fordelt på år", "panels": [{"label_header": "Kreds",
         "columns": ["2017", "2018"], "rows": [{"label": f"Kreds {i}", "cells": [100 + i, 200 + i]} for i in range(1, 6)]}]}
TABLE_NOTES = dict(TABLE, notes=["Kilde: Rigspolitiet TNOTE.", "Anm.: Tallene er foreløbige."])

def stmt(blocks, **extra):
    return {"statement": dict({"source": "Rigspolitiet", "blocks": blocks}, **extra)}

LEADIN = {"paragraph": "Fordelingen LEADIN fremgår af tabellen nedenfor:"}
LEADIN_LIST = {"paragraph": "Der er LEADIN tale om følgende punkter:"}
ITEMS = ["FIRSTITEM første punkt om sagerne.", "Andet punkt om sagerne med mere tekst.", "Tredje punkt."]
ITEMS_NOTE = ["FIRSTITEM første punkt med note REFA[^a] om sagerne.", "Andet punkt om sagerne.", "Tredje punkt."]
TWO = {"paragraph": LONG + " To noter REFA[^a] i samme afsnit, " + LONG + " og anden REFB[^b] til sidst. " + LONG}
TABLE_FIRST = "Kreds 1"

CASES = {
    # fault 1
    "two-notes": [TWO, {"paragraph": "Efter AFTER."}],
    "two-notes-stmt": [stmt([TWO, {"paragraph": "Efter AFTER."}])],
    "leadin-list-note": [LEADIN_LIST, {"list": ITEMS_NOTE}, {"paragraph": "Efter AFTER."}],
    "leadin-list-note-stmt": [stmt([{"paragraph": "STMTSTART " + LONG}, LEADIN_LIST, {"list": ITEMS_NOTE}]), {"paragraph": "Efter AFTER."}],
    "leadin-list-note-stmt-first": [stmt([LEADIN_LIST, {"list": ITEMS_NOTE}]), {"paragraph": "Efter AFTER."}],
    "list-two-notes": [{"list": ["Punkt REFA[^a] med note.", LONG + " REFB[^b] slut."]}, {"paragraph": "Efter AFTER."}],
    # fault 2
    "stmt-leadin-table": [stmt([LEADIN, {"table": TABLE}, {"paragraph": "Efter AFTER."}])],
    "stmt-leadin-table-notes": [stmt([LEADIN, {"table": TABLE_NOTES}, {"paragraph": "Efter AFTER."}])],
    "stmt-leadin-table-notes-last": [stmt([LEADIN, {"table": TABLE_NOTES}])],
    "stmt-leadin-list": [stmt([LEADIN_LIST, {"list": ITEMS}, {"paragraph": "Efter AFTER."}])],
    "stmt-leadin-note-table": [stmt([{"paragraph": "Fordelingen LEADIN med note REFA[^a] fremgår af tabellen nedenfor:"}, {"table": TABLE}, {"paragraph": "Efter AFTER."}])],
}

def filler(m, j, k):
    blocks = [{"paragraph": "Justitsministeriet har indhentet en udtalelse fra Rigspolitiet."}]
    for i in range(m):
        blocks.append({"paragraph": f"Fyld {i:02d}. " + LONG + " " + LONG})
    for i in range(j):
        blocks.append({"paragraph": f"Kort linje {i}."})
    if k:
        blocks.append({"paragraph": "Ekstra. " + " ".join([LONG] * k)})
    return blocks

def variants(case):
    for m in range(0, 16):
        for j in range(0, 3):
            for k in range(0, 3):
                d = copy.deepcopy(BASE)
                d["footnotes"] = NOTES
                d["answer"]["blocks"] = filler(m, j, k) + copy.deepcopy(CASES[case])
                yield f"{case}--{m:02d}-{j}-{k}", d

def pages_of(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    return out.split("\f")

def page_of(pages, token):
    found = [i for i, p in enumerate(pages) if token in p]
    return found[0] + 1 if found else None

def check(case, pages):
    faults = []
    text = "\f".join(pages)
    for x in "ABC":
        if f"REF{x}" in text:
            r, n = page_of(pages, f"REF{x}"), page_of(pages, f"NOTE{x}")
            if r != n:
                faults.append(f"note{x}: ref p{r} note p{n}")
    if "LEADIN" in text:
        first = TABLE_FIRST if "table" in case else "FIRSTITEM"
        l, f = page_of(pages, "LEADIN"), page_of(pages, first)
        if l != f:
            faults.append(f"leadin p{l} first p{f}")
        if "stmt" in case:
            intro = page_of(pages, "oplyst følgende")
            # the statement's introduction must share its page with the statement's first text
            firsts = [page_of(pages, t) for t in ("LEADIN", "STMTSTART")]
            firsts = [p for p in firsts if p]
            if intro is not None and firsts and intro != min(firsts):
                faults.append(f"intro p{intro} statement p{min(firsts)}")
    return faults

def main():
    binary, work = sys.argv[1], sys.argv[2]
    cases = sys.argv[3:] or list(CASES)
    src, out = os.path.join(work, "json"), os.path.join(work, "pdf")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(src); os.makedirs(out)
    names = []
    for case in cases:
        for name, d in variants(case):
            json.dump(d, open(os.path.join(src, name + ".json"), "w"), ensure_ascii=False)
            names.append(name)
    r = subprocess.run([binary, "render", src, "-o", out + "/"], capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr[-3000:])
    total = {}
    for name in names:
        case = name.split("--")[0]
        pdf = os.path.join(out, name + ".pdf")
        if not os.path.exists(pdf):
            print("MISSING", name); continue
        faults = check(case, pages_of(pdf))
        t = total.setdefault(case, [0, 0])
        t[0] += 1
        if faults:
            t[1] += 1
            print(name, "; ".join(faults))
    for case, (n, f) in total.items():
        print(f"{case}: {f} faults of {n}")
    print("TOTAL", sum(f for _, f in total.values()), "of", sum(n for n, _ in total.values()))

main()
