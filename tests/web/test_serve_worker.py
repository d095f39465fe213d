"""`serve` starts its upload worker again when it dies, and stops it when the server stops. No timing
asserts: everything is awaited with a generous deadline."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from regiovolger.cli_worker import Supervisor, child_command

DEADLINE = 120.0


def wait_for(condition, what: str, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"not within {deadline} s: {what}")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_killed_child_is_started_again_and_stopped_with_the_server():
    sup = Supervisor([sys.executable, "-c", "import time; time.sleep(600)"], min_delay=0.05).start()
    try:
        first = sup.child.pid
        os.kill(first, signal.SIGKILL)
        second = wait_for(lambda: sup.child.pid != first and alive(sup.child.pid) and sup.child.pid, "a new child")
        assert sup.restarts == 1 and not alive(first)
        os.kill(second, signal.SIGTERM)  # any way it ends, not only a kill
        wait_for(lambda: sup.restarts == 2 and alive(sup.child.pid), "started once more")
    finally:
        sup.stop()
    assert not alive(sup.child.pid)
    n = sup.restarts
    time.sleep(0.3)
    assert sup.restarts == n, "stopped means no restart"


def test_a_child_that_keeps_dying_is_restarted_with_growing_pauses():
    sup = Supervisor([sys.executable, "-c", "raise SystemExit(3)"], min_delay=0.01, max_delay=0.08).start()
    try:
        wait_for(lambda: sup.restarts >= 5, "five restarts")
    finally:
        sup.stop()
    assert sup.restarts >= 5
    # the last child either died by itself or was still starting (a busy machine) when stop() ended it
    assert sup.child.returncode in (3, -signal.SIGTERM, -signal.SIGKILL)


def test_the_command_names_the_parent_and_the_data_dir(tmp_path):
    command = child_command(str(tmp_path))
    assert command[-3:] == ["worker", "--parent", str(os.getpid())]
    assert ["--data-dir", str(tmp_path)] == command[command.index("--data-dir"):command.index("--data-dir") + 2]


def workers_of(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"worker" in cmdline and b"--parent" in cmdline and alive(int(proc.name)):
            found.append(int(proc.name))
    return found


@pytest.mark.slow
def test_serve_restarts_its_killed_worker():
    from .test_serve import Server

    server = Server()
    try:
        server.wait_ready()
        first = wait_for(lambda: workers_of(server.proc.pid), "the worker child of serve")
        assert len(first) == 1
        os.kill(first[0], signal.SIGKILL)
        second = wait_for(lambda: [p for p in workers_of(server.proc.pid) if p != first[0]], "a new worker child")
        assert len(second) == 1
        assert "opnieuw gestart" in server.output()
    finally:
        server.stop()
    wait_for(lambda: not alive(second[0]), "the worker stopped with the server", 60)
