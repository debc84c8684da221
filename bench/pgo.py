#!/usr/bin/env python3
"""Builds the binary shipped to ministries with profile-guided optimisation (PGO).

  1. builds svar with the `dist` profile, instrumented to count what it runs
     (`-Cprofile-generate`), in target/pgo-generate;
  2. trains it: renders every answer in data/ one by one (cold renders), a batch of 40
     answers generated from the example with another seed than the benchmark's, an answer
     with a 500-row spreadsheet table, and checks and diffs two of the answers;
  3. merges the counts with llvm-profdata (from `rustup component add llvm-tools`);
  4. builds svar with the `dist` profile again, optimised for those counts
     (`-Cprofile-use`), in target/pgo: the binary is target/pgo/dist/svar.

The PDFs do not depend on how the binary was optimised: the script renders every answer in
data/ with the new binary and compares the PDFs with the ones `target/release/svar` writes,
and stops with an error if one byte differs.

Takes about twice as long as `cargo build --profile dist` (two whole-program builds).

Usage: bench/pgo.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare  # noqa: E402  (the benchmark's answer generator)

ROOT = compare.ROOT
EXAMPLES = sorted((ROOT / "data").glob("*.json"))


def llvm_profdata():
    """The llvm-profdata of the Rust toolchain, whose LLVM matches rustc's."""
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True,
                             check=True).stdout.strip()
    found = sorted(Path(sysroot).glob("lib/rustlib/*/bin/llvm-profdata"))
    if not found:
        sys.exit("llvm-profdata is missing: install it with `rustup component add llvm-tools`")
    return found[0]


def build(target_dir, rustflags):
    """`cargo build --profile dist` into `target_dir` with `rustflags`; the binary's path."""
    environment = dict(os.environ, CARGO_TARGET_DIR=str(target_dir),
                       RUSTFLAGS=" ".join(rustflags))
    subprocess.run(["cargo", "build", "--profile", "dist", "--locked", "--quiet"], cwd=ROOT,
                   env=environment, check=True)
    return Path(target_dir) / "dist" / "svar"


def train(svar, work):
    """Runs the instrumented `svar` on the kinds of work a ministry gives it."""
    def run(*arguments, check=True):
        subprocess.run([svar, *arguments], cwd=ROOT, check=check, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    for example in EXAMPLES:
        run("render", "-o", work / "one" / (example.stem + ".pdf"), example)
    run("render", "-o", work / "batch-out", compare.generate(40, work / "batch", seed=1609))
    run("render", "-o", work / "table.pdf", compare.big_table(work / "table", rows=500))
    run("check", EXAMPLES[0])
    # `diff` exits with 1 when the answers differ, as these do.
    run("diff", EXAMPLES[0], work / "batch" / "svar-0001.json", check=False)


def same_pdfs(svar, work):
    """Whether `svar` writes the same bytes as the release build for every answer in data/."""
    reference = ROOT / "target" / "release" / "svar"
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    for binary, folder in [(reference, work / "release"), (svar, work / "pgo")]:
        subprocess.run([binary, "render", "-o", folder, *EXAMPLES], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return all((work / "release" / (e.stem + ".pdf")).read_bytes()
               == (work / "pgo" / (e.stem + ".pdf")).read_bytes() for e in EXAMPLES)


def main():
    profdata = llvm_profdata()
    with tempfile.TemporaryDirectory(prefix="svar-pgo-") as temporary:
        work = Path(temporary)
        counts = work / "counts"
        print("building the instrumented binary (target/pgo-generate) …", flush=True)
        instrumented = build(ROOT / "target" / "pgo-generate", [f"-Cprofile-generate={counts}"])
        print("training it on the answers in data/ and generated ones …", flush=True)
        train(instrumented, work / "training")
        merged = work / "svar.profdata"
        subprocess.run([profdata, "merge", "-o", merged, counts], check=True)
        print("building the optimised binary (target/pgo) …", flush=True)
        svar = build(ROOT / "target" / "pgo", [f"-Cprofile-use={merged}"])
        if not same_pdfs(svar, work / "check"):
            sys.exit(f"{svar} writes other PDFs than the release build: do not ship it")
    print(f"built {svar.relative_to(ROOT)}; its PDFs are byte-identical to the release build's")


if __name__ == "__main__":
    main()
