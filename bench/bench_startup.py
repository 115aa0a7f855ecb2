"""Start-up time of the terminal app against a bare Textual app, in one run.

For each of N rounds, two fresh processes are started in a pseudo-terminal
(100x32), one of each (which one goes first alternates between rounds):

* ``bare``: ``python -c`` a Textual App with a Header and a Footer;
* ``studyapp``: ``python -m studyapp`` (bundled pack, history store in a
  temporary folder created by a warm-up run, then reused).

Each process appends ``time.time()`` to a file at its Ready event (the first
screen is composed and painted) and exits. Reported: ready time = that stamp
minus the moment just before the process was spawned, and the whole process
time (spawn to exit) and its CPU time (user + system, steadier than wall
time on a busy machine); medians over N. Target: studyapp <= 1.3x bare.

    python bench/bench_startup.py            # N=15
    python bench/bench_startup.py -n 25 --json
    python bench/bench_startup.py --cold     # first start: no pack cache, new database
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from fcntl import ioctl
from pathlib import Path

BARE_APP = """
import os, time
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_ready(self):
        with open(os.environ["STUDYAPP_READY_FILE"], "a") as f:
            f.write(f"{time.time()}\\n")
        self.exit()

Bare().run()
"""

COLS, ROWS = 100, 32


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def run_once(cmd: list[str], env: dict[str, str], data_dir: Path) -> tuple[float, float, float]:
    """(seconds to ready, seconds to exit, CPU seconds) for one fresh process in a pty."""
    with tempfile.TemporaryDirectory() as tmp:
        ready_file = Path(tmp) / "ready"
        env = dict(env, STUDYAPP_READY_FILE=str(ready_file), STUDYAPP_EXIT_ON_READY="1",
                   STUDYAPP_DATA_DIR=str(data_dir), TERM="xterm-256color",
                   COLUMNS=str(COLS), LINES=str(ROWS))
        master, slave = pty.openpty()
        ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        drainer = threading.Thread(target=_drain, args=(master,), daemon=True)
        drainer.start()
        t0 = time.time()
        proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = rc = os.waitstatus_to_exitcode(status)
        finally:
            t_exit = time.time()
            os.close(slave)
            os.close(master)
        if rc != 0 or not ready_file.exists():
            raise RuntimeError(f"{cmd} exited {rc} without reaching Ready")
        t_ready = float(ready_file.read_text().split()[0])
        return t_ready - t0, t_exit - t0, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=15, help="fresh processes per variant (default 15)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--cold",
        action="store_true",
        help="a new empty data folder for every run: no pack cache, the history database created (first start)",
    )
    args = ap.parse_args(argv)

    py = sys.executable
    variants = {
        "bare": [py, "-c", BARE_APP],
        "studyapp": [py, "-m", "studyapp"],
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYAPP_")}
    # An installed studyapp has its bytecode compiled (pip does it at install). Where the
    # environment forbids writing .pyc files, every edited module would be compiled again at
    # every start and the figure would measure the compiler: the warm-up run writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The history database is created by the warm-up run and reused, as on a
    # user's machine after the first start.
    data_dir = Path(tempfile.mkdtemp(prefix="studyapp-bench-"))
    for cmd in variants.values():  # warm the OS file cache and .pyc files once
        run_once(cmd, env, data_dir)
    ready: dict[str, list[float]] = {k: [] for k in variants}
    total: dict[str, list[float]] = {k: [] for k in variants}
    cpu: dict[str, list[float]] = {k: [] for k in variants}
    for i in range(args.n):
        order = list(variants.items())
        if i % 2:  # alternate which goes first, so neither always runs on a warmer machine
            order.reverse()
        for name, cmd in order:
            r, t, c = run_once(cmd, env, Path(tempfile.mkdtemp(prefix="studyapp-cold-")) if args.cold else data_dir)
            ready[name].append(r)
            total[name].append(t)
            cpu[name].append(c)

    med = {k: statistics.median(v) for k, v in ready.items()}
    med_total = {k: statistics.median(v) for k, v in total.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    ratio = med["studyapp"] / med["bare"]
    result = {
        "n": args.n,
        "cold": args.cold,
        "ready_median_ms": {k: round(v * 1000) for k, v in med.items()},
        "exit_median_ms": {k: round(v * 1000) for k, v in med_total.items()},
        "cpu_median_ms": {k: round(v * 1000) for k, v in med_cpu.items()},
        "ratio_cpu": round(med_cpu["studyapp"] / med_cpu["bare"], 2),
        "ratio_ready": round(ratio, 2),
        "target": 1.3,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        kind = "cold: new data folder each run" if args.cold else "warm: pack cache and history database exist"
        print(f"{args.n} fresh processes each, medians, {kind} ({result['machine']}, Python {result['python']})")
        for k in variants:
            print(
                f"  {k:9} ready {result['ready_median_ms'][k]:5d} ms   exit {result['exit_median_ms'][k]:5d} ms"
                f"   cpu {result['cpu_median_ms'][k]:5d} ms"
            )
        verdict = "OK" if ratio <= 1.3 else "OVER TARGET"
        print(f"  studyapp / bare (ready): {ratio:.2f}x  (target <= 1.3x) {verdict}")
        print(f"  studyapp / bare (cpu, whole process): {result['ratio_cpu']:.2f}x")
        print(f"  load average at the end: {os.getloadavg()[0]:.2f}")
    return 0 if ratio <= 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
