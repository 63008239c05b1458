"""Run every benchmark on a freshly built big library and print each figure against its baseline.

`./dev bench` runs this. Each benchmark runs in its own Python process (a cold start, a fresh
QApplication, the spelling dictionary not yet loaded) and hands its figures back as JSON lines.
The benchmarks report; they never fail the run: a missed target is marked MISSED.

Options: --data-dir DIR reuses (or builds once into) DIR instead of a temporary folder;
--quick runs fewer repetitions.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

if not __package__:  # run as a script (./dev bench): make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
# (module, library, tag): "big" is the 500-meeting library, "years" the 2,000-meeting one.
BENCHES = (
    ("benchmarks.bench_startup", "big", ""),
    ("benchmarks.bench_editing", "big", ""),
    ("benchmarks.bench_drafts", "big", ""),
    ("benchmarks.bench_editing", "years", "4x"),
    ("benchmarks.bench_years", "years", ""),
    ("benchmarks.bench_idle", "years", ""),
    ("benchmarks.bench_search", "years", ""),
    ("benchmarks.bench_integrity", "big", ""),
    ("benchmarks.bench_spelling", "big", ""),
    ("benchmarks.bench_stalls", "years", ""),
)
YEARS_SCALE = 4
YEARS_FOLDER = "years"
JSON_PREFIX = "FIGURE "
QT_NOISE = ("does not support propagateSizeHints",)  # the offscreen platform says it per window


@dataclass
class Figure:
    """One measured figure and the baseline measured beside it in the same run."""

    group: str  # startup, memory, autosave, ...
    label: str  # what was measured, as printed
    value: float
    baseline_label: str = ""
    baseline: float | None = None
    unit: str = "ms"
    max_ratio: float | None = None  # target: value <= max_ratio * baseline
    max_value: float | None = None  # target: value <= max_value

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def verdict(self) -> str:
        if self.max_ratio is None and self.max_value is None:
            return ""
        ok = ((self.max_ratio is None or (self.ratio or 0) <= self.max_ratio)
              and (self.max_value is None or self.value <= self.max_value))
        return "OK" if ok else "MISSED"

    @property
    def target(self) -> str:
        if self.max_ratio is not None:
            return f"<= {self.max_ratio:g}x"
        if self.max_value is not None:
            return f"< {self.max_value:g} {self.unit}"
        return "info"

    def line(self) -> str:
        parts = [f"{self.group:<9} {self.label} {_amount(self.value, self.unit)}"]
        if self.baseline is not None:
            parts.append(f"{self.baseline_label} {_amount(self.baseline, self.unit)}")
            parts.append(f"ratio {self.ratio:.2f}x")
        text = " | ".join(parts)
        if self.verdict:
            text += f" (target {self.target}) {self.verdict}"
        return text


def _amount(value: float, unit: str) -> str:
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile: p95 of 200 values is the 190th smallest."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def emit(figure: Figure, as_json: bool, tag: str = "") -> None:
    """Print a figure for a person, or as a JSON line for run_all to collect."""
    if tag:
        figure.group = f"{figure.group} {tag}"
    print(JSON_PREFIX + json.dumps(asdict(figure)) if as_json else figure.line(), flush=True)


def bench_arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data-dir", type=Path, required=True,
                        help="a folder built by benchmarks/make_library.py")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", action="store_true", help="print figures as JSON lines")
    parser.add_argument("--tag", default="", help="added to each figure's group, e.g. 4x")
    return parser


def run_bench(module: str, folder: Path, quick: bool, tag: str = "") -> list[Figure]:
    command = [sys.executable, "-m", module, "--data-dir", str(folder), "--json"]
    if quick:
        command.append("--quick")
    if tag:
        command += ["--tag", tag]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_env())
    figures = []
    for line in done.stdout.splitlines():
        if line.startswith(JSON_PREFIX):
            figures.append(Figure(**json.loads(line[len(JSON_PREFIX):])))
            print(figures[-1].line(), flush=True)
        elif line.strip():
            print(f"          {line}", flush=True)
    if done.returncode != 0:
        errors = "\n".join(line for line in done.stderr.splitlines()
                           if not any(noise in line for noise in QT_NOISE))
        print(f"{module} stopped (exit {done.returncode}):\n{errors[-3000:]}", flush=True)
    return figures


def run_check_bench() -> None:
    """The checklist's own timing, when that benchmark is present."""
    script = ROOT / "benchmarks" / "bench_check.py"
    if not script.exists() or "def main(" not in script.read_text(encoding="utf-8"):
        return
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, env=_env())
    output = (done.stdout.strip() or done.stderr.strip()[-500:]).replace("\n", " ")
    print(f"{'check':<9} check_draft on a ~200-word note: {output}", flush=True)


def run_draft_quality() -> None:
    """The draft quality report's last line: how many made-up drafts pass every check."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "draft_quality.py")],
                          cwd=ROOT, capture_output=True, text=True, env=_env())
    lines = done.stdout.strip().splitlines() or done.stderr.strip().splitlines()[-1:]
    print(f"{'drafts':<9} quality report (benchmarks/draft_quality.py --show for the drafts): "
          f"{lines[-1] if lines else 'no output'}", flush=True)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def print_table(figures: list[Figure]) -> None:
    header = ("benchmark", "measured", "baseline", "ratio", "target", "")
    rows = [header] + [(
        f"{f.group} {f.label}", _amount(f.value, f.unit),
        "" if f.baseline is None else f"{f.baseline_label} {_amount(f.baseline, f.unit)}",
        "" if f.ratio is None else f"{f.ratio:.2f}x", f.target, f.verdict) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print("\nSummary")
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    missed = sum(f.verdict == "MISSED" for f in figures)
    print(f"\n{len(figures)} figures, {missed} target{'s' if missed != 1 else ''} missed")


def library_folder(args) -> tuple[Path, bool]:
    """The folder holding the big library, built now unless --data-dir already has one."""
    from benchmarks.make_library import FACTS_FILE, load_facts, make_library

    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="followup-bench-"))
    for where, scale in ((folder, 1), (folder / YEARS_FOLDER, YEARS_SCALE)):
        where.mkdir(parents=True, exist_ok=True)
        facts = (load_facts(where) if (where / FACTS_FILE).exists()
                 else make_library(where, scale=scale))
        print(f"library x{scale}: {facts.meetings} meetings, {facts.people} people, "
              f"{facts.attendances} people-in-meetings, {facts.note_lines} note lines, "
              f"{facts.followups} follow-ups (built in {facts.build_seconds:.1f} s)", flush=True)
    print(flush=True)
    return folder, args.data_dir is None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="keep the big library in this folder")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    folder, temporary = library_folder(args)
    figures: list[Figure] = []
    try:
        for module, library, tag in BENCHES:
            where = folder / YEARS_FOLDER if library == "years" else folder
            figures += run_bench(module, where, args.quick, tag)
        run_check_bench()
        run_draft_quality()
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    print_table(figures)
    return 0  # benchmarks report; a missed target is marked, never a failure


if __name__ == "__main__":
    sys.exit(main())
