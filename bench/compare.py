#!/usr/bin/env python3
"""Measures svar against the typst CLI side by side, in one run, on this machine.

  (a) one cold `svar render` of the example vs `typst compile` of the same emitted Typst source
  (b) 100 answers in one svar command (which renders them in a worker process per core) vs
      100 typst processes
  (c) re-render after a one-paragraph edit in `svar watch`
  (d) peak memory for 1 and 1,000 answers
  (e) one answer with a 2,000-row table (read from a spreadsheet), svar vs typst on its source

The answers for (b) and (d) are generated from data/beu-287-2019.json by varying the question
number, the table figures and a word of the text; they live in a temporary folder only.
Installs the typst CLI (`cargo install --locked typst-cli`) if it is missing.

svar and the typst CLI run in turn for (a) and (b), so that a shared machine's slow spells
fall on both alike.

Usage: bench/compare.py [--runs 10] [--batch 100] [--batch-runs 3] [--many 1000]
                        [--profile release|dist | --binary PATH] [--breakdown]
"""

import argparse
import copy
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVAR = ROOT / "target" / "release" / "svar"
EXAMPLE = ROOT / "data" / "beu-287-2019.json"
TYPST_VERSION = "0.15.1"
# The same standard as svar uses for the undated example, and the accessibility extras its
# templates use to tag row headers.
TYPST_FLAGS = ["--pdf-standard", "ua-1", "--features", "a11y-extras"]


def run(command, **kwargs):
    """Runs a command, returning (seconds, peak resident memory in MiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}")
    return elapsed, usage.ru_maxrss / 1024


def fresh_run(command, output):
    """Runs `command` after removing its `output`, untimed: svar leaves a file that holds what
    it would write as it is, and the typst CLI writes its PDF every time."""
    if output.is_dir():
        shutil.rmtree(output)
    elif output.exists():
        output.unlink()
    return run(command)


def tree_memory(pid):
    """The resident memory (KiB) of the process `pid` and all its descendants, read from /proc."""
    total, pending = 0, [str(pid)]
    while pending:
        process = pending.pop()
        try:
            with open(f"/proc/{process}/status") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{process}/task"):
                with open(f"/proc/{process}/task/{task}/children") as children:
                    pending.extend(children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def run_tree(command, **kwargs):
    """Runs a command that may start processes of its own (svar renders a batch in worker
    processes), returning (seconds, peak resident memory in MiB of all its processes together,
    sampled every 10 ms)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_memory(process.pid))
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}")
    return elapsed, peak / 1024


def median_run(command, runs, output=None):
    """The median time and largest memory peak of `runs` runs of `command`, each writing its
    `output` anew where one is named (see `fresh_run`)."""
    results = [fresh_run(command, output) if output else run(command) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def interleaved(commands, runs):
    """Runs the zero-argument functions `commands` in turn, `runs` rounds of each, so that a
    shared machine's slow spells fall on all of them alike; the median of each and its largest
    memory peak."""
    results = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, results):
            found.append(command())
    return [(statistics.median(t for t, _ in found), max(m for _, m in found)) for found in results]


def ensure_tools(profile, binary=None):
    """Builds svar with the given Cargo profile, unless `binary` names one already built (such
    as the profile-guided build of bench/pgo.py); returns the typst CLI and its version."""
    global SVAR
    if binary is not None:
        SVAR = Path(binary).resolve()
    else:
        subprocess.run(["cargo", "build", "--profile", profile, "--quiet"], cwd=ROOT, check=True)
        SVAR = ROOT / "target" / ("release" if profile == "release" else profile) / "svar"
    typst = shutil.which("typst")
    if typst is None:
        print(f"installing typst-cli {TYPST_VERSION} (cargo install; takes a while) …", flush=True)
        subprocess.run(["cargo", "install", "--locked", "typst-cli", "--version", TYPST_VERSION], check=True)
        typst = shutil.which("typst") or str(Path.home() / ".cargo" / "bin" / "typst")
    version = subprocess.run([typst, "--version"], capture_output=True, text=True).stdout.strip()
    return typst, version


def vary(answer, index, rng, parts=("number", "paragraphs", "tables")):
    """One generated answer: its own number, figures and a changed word (the `parts` asked for)."""
    answer = copy.deepcopy(answer)
    if "number" in parts:
        answer["question"]["number"] = index + 1
    def walk(blocks):
        for block in blocks:
            if "paragraph" in block and "paragraphs" in parts and rng.random() < 0.3:
                block["paragraph"] = block["paragraph"].replace(" sager", f" sager ({index})", 1)
            if "statement" in block:
                walk(block["statement"]["blocks"])
            if "table" in block and "tables" in parts:
                for panel in block["table"]["panels"]:
                    for row in panel["rows"]:
                        row["cells"] = [rng.randint(0, 500) for _ in row["cells"]]
                    if panel.get("total"):
                        sums = [sum(column) for column in zip(*(row["cells"] for row in panel["rows"]))]
                        if not panel.get("total_is_sum", True):
                            sums = [max(0, s - rng.randint(0, 5)) for s in sums]
                        panel["total"]["cells"] = sums
    walk(answer["answer"]["blocks"])
    return answer


def generate(count, folder, seed=287, parts=("number", "paragraphs", "tables")):
    rng = random.Random(seed)
    base = json.loads(EXAMPLE.read_text())
    base.pop("$schema", None)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        answer = vary(base, index, rng, parts)
        (folder / f"svar-{index + 1:04}.json").write_text(json.dumps(answer, ensure_ascii=False))
    return folder


def breakdown(work, count, runs):
    """Where a batch's time goes: the same batch with nothing, or one kind of content, varied
    (the median of `runs`)."""
    rows = []
    for parts in [(), ("number",), ("paragraphs",), ("tables",), ("number", "paragraphs", "tables")]:
        folder = generate(count, work / ("vary-" + "-".join(parts or ("nothing",))), parts=parts)
        seconds, _ = median_run([SVAR, "render", "-o", work / "vary-out", folder], runs,
                                work / "vary-out")
        shutil.rmtree(work / "vary-out")
        rows.append((", ".join(parts) or "nothing (identical answers)", seconds))
    return rows


def big_table(folder, rows=2000):
    """The example with its first table's first panel read from a spreadsheet of `rows` rows."""
    answer = json.loads(EXAMPLE.read_text())
    answer.pop("$schema", None)
    figures = "\n".join(f"Kreds {i};{i};{2 * i}" for i in range(rows))
    total = sum(range(rows))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kredse.csv").write_text(f"Kreds;2017;2018\n{figures}\nI alt;{total};{2 * total}\n")
    def first_table(blocks):
        for block in blocks:
            if "table" in block:
                return block["table"]
            if "statement" in block:
                found = first_table(block["statement"]["blocks"])
                if found:
                    return found
    table = first_table(answer["answer"]["blocks"])
    table["panels"] = [{"csv": "kredse.csv"}]
    path = folder / "stor-tabel.json"
    path.write_text(json.dumps(answer, ensure_ascii=False))
    return path


def typst_project(folder, answers):
    """The emitted Typst sources of `answers`, with the files they import, ready for typst."""
    subprocess.run([SVAR, "render", "--emit-typst", "-o", folder, answers], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(ROOT / "templates" / "style.typ", folder / "style.typ")
    shutil.copy(EXAMPLE, folder / "svar.json")
    return sorted(path for path in folder.glob("*.typ") if path.name != "style.typ")


def watch_rerender(work, edits=10):
    answer = work / "watch.json"
    shutil.copy(EXAMPLE, answer)
    process = subprocess.Popen([SVAR, "watch", answer, "-o", work / "watch.pdf"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []
    def next_time():
        while True:
            line = process.stdout.readline()
            # "… (4 sider), PDF/UA-1 + PDF/A-3b, 86 ms", or "1,2 s" from a second on.
            if " → " in line:
                amount, unit = line.rsplit(", ", 1)[1].split()
                milliseconds = float(amount.replace(",", "."))
                return milliseconds if unit == "ms" else milliseconds * 1000
    first = next_time()
    text = EXAMPLE.read_text()
    for edit in range(edits):
        time.sleep(0.3)
        answer.write_text(text.replace("indhentet en udtalelse", f"indhentet en udtalelse ({edit})", 1))
        lines.append(next_time())
    process.terminate()
    process.wait()
    return first, statistics.median(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--batch-runs", type=int, default=3,
                        help="rounds of (b), svar and the typst processes in turn; the medians count")
    parser.add_argument("--many", type=int, default=1000)
    parser.add_argument("--profile", default="release",
                        help="the Cargo profile to build svar with: release (as the tests) or dist "
                             "(as shipped: whole-program optimisation, a long first build)")
    parser.add_argument("--binary",
                        help="measure this svar binary instead of building one, e.g. "
                             "target/pgo/dist/svar from bench/pgo.py")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time the batch with only one kind of content varied")
    args = parser.parse_args()
    typst, typst_version = ensure_tools(args.profile, args.binary)
    with tempfile.TemporaryDirectory(prefix="svar-bench-") as temporary:
        work = Path(temporary)
        one = work / "one"
        one.mkdir()
        [source] = typst_project(one, EXAMPLE)
        (svar_cold, svar_one_mem), (typst_cold, typst_one_mem) = interleaved([
            lambda: fresh_run([SVAR, "render", "-o", work / "a.pdf", EXAMPLE], work / "a.pdf"),
            lambda: run([typst, "compile", *TYPST_FLAGS, "--root", one, source, work / "b.pdf"]),
        ], args.runs)

        batch = generate(args.batch, work / "batch")
        sources = typst_project(work / "batch-typst", batch)
        def typst_processes():
            start = time.perf_counter()
            for source in sources:
                run([typst, "compile", *TYPST_FLAGS, "--root", source.parent, source,
                     source.with_suffix(".pdf")])
            return time.perf_counter() - start, 0
        (svar_batch, _), (typst_batch, _) = interleaved([
            lambda: fresh_run([SVAR, "render", "-o", work / "batch-out", batch],
                              work / "batch-out"),
            typst_processes,
        ], args.batch_runs)

        watch_first, watch_edit = watch_rerender(work)

        table = big_table(work / "table")
        [table_source] = typst_project(work / "table-typst", table)
        svar_table, svar_table_mem = median_run([SVAR, "render", "-o", work / "t.pdf", table], 3,
                                                work / "t.pdf")
        typst_table, typst_table_mem = median_run(
            [typst, "compile", *TYPST_FLAGS, "--root", table_source.parent, table_source,
             work / "u.pdf"], 3)

        many = generate(args.many, work / "many")
        svar_many, svar_many_mem = run_tree([SVAR, "render", "-o", work / "many-out", many])

        varied = breakdown(work, args.batch, args.batch_runs) if args.breakdown else []

    rows = [
        ("(a) cold render of the example", f"{svar_cold * 1000:.0f} ms", f"{typst_cold * 1000:.0f} ms",
         f"{svar_cold / typst_cold:.2f}×", "≤ 0.5×"),
        (f"(b) {args.batch} answers", f"{svar_batch:.2f} s (one command)", f"{typst_batch:.2f} s ({args.batch} processes)",
         f"{typst_batch / svar_batch:.1f}× faster", "≥ 10× faster"),
        ("(c) watch: re-render after an edit", f"{watch_edit:.0f} ms (first {watch_first} ms)", "–", "", "≤ 20 ms"),
        ("(d) peak memory, 1 answer", f"{svar_one_mem:.0f} MiB", f"{typst_one_mem:.0f} MiB", "", ""),
        (f"(d) peak memory, {args.many} answers", f"{svar_many_mem:.0f} MiB ({svar_many:.1f} s)", "–", "", "< 500 MB"),
        ("(e) a 2,000-row table", f"{svar_table:.2f} s, {svar_table_mem:.0f} MiB",
         f"{typst_table:.2f} s, {typst_table_mem:.0f} MiB", f"{svar_table / typst_table:.2f}×", "–"),
    ]
    print(f"{subprocess.run([SVAR, '--version'], capture_output=True, text=True).stdout.strip()} "
          f"({'binary ' + str(SVAR) if args.binary else 'profile ' + args.profile}) vs {typst_version}, "
          f"{os.cpu_count()} cores, medians of {args.runs} interleaved runs for (a) and "
          f"{args.batch_runs} for (b)\n")
    print("| measure | svar | typst CLI | ratio | target |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if varied:
        print(f"\nWhere (b)'s time goes: {args.batch} answers in one svar process, varying only …\n")
        print("| varied | svar |")
        print("|---|---|")
        for parts, seconds in varied:
            print(f"| {parts} | {seconds:.2f} s |")


if __name__ == "__main__":
    main()
