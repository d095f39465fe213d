"""Load on the search page: N concurrent clients against `regiovolger serve` on 127.0.0.1.

    .venv/bin/python benchmarks/bench_serve.py [--clients 64] [--requests 10] [--dev]

Ingests the seed corpus into a temporary store, starts the server (gunicorn, or Django's
development server with --dev), waits for the port, lets every client send its requests one
after another, prints p50/p95/p99 and the error count, and stops the server by its PID.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
QUERIES = ["besluit", "vergadering", "actie", "project", "gemeente", "begroting", "verslag", "voorstel"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(port: int, n: int, offset: int, times: list[float], errors: list[str]) -> None:
    for i in range(n):
        q = QUERIES[(offset + i) % len(QUERIES)]
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", f"/zoeken/?q={q}")
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status != 200:
                errors.append(str(resp.status))
                continue
        except OSError as exc:
            errors.append(type(exc).__name__)
            continue
        times.append(time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--requests", type=int, default=10)
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="regiovolger-load-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["REGIOVOLGER_DATA_DIR"] = str(tmp)
    cli = [sys.executable, "-m", "regiovolger.cli"]
    subprocess.run(cli + ["ingest", str(SEEDS)], env=env, check=False, capture_output=True)
    port = free_port()
    cmd = cli + ["serve", "--port", str(port)] + (["--dev"] if args.dev else ["--no-access-log"])
    if args.workers and not args.dev:
        cmd += ["--workers", str(args.workers)]
    if args.threads and not args.dev:
        cmd += ["--threads", str(args.threads)]
    log = open(tmp / "serve.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        client(port, 5, 0, [], [])  # warm up
        times: list[float] = []
        errors: list[str] = []
        threads = [threading.Thread(target=client, args=(port, args.requests, i, times, errors))
                   for i in range(args.clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [0.0] * 99
    server = "runserver (--dev)" if args.dev else "gunicorn"
    print(f"{server}: {args.clients} clients × {args.requests} requests, {len(times)} ok, {len(errors)} errors, "
          f"p50 {q[49]:.3f} s, p95 {q[94]:.3f} s, p99 {q[98]:.3f} s, {len(times) / wall:.1f} req/s")


if __name__ == "__main__":
    main()
