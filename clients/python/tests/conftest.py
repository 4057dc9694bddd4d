"""Starts a real `nodeplan serve` on loopback for the tests and generates snapshots with `nodeplan gen`."""
from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[3]
TOKEN = "client-tests-token"


def nodeplan_bin() -> str:
    path = Path(os.environ.get("NODEPLAN_BIN", REPO / ".build/debug/nodeplan"))
    if not path.is_absolute():
        path = REPO / path
    if not path.exists():
        pytest.fail(f"nodeplan binary not found at {path}; build it (swift build --product nodeplan) or set NODEPLAN_BIN")
    return str(path)


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def server() -> Iterator[tuple[str, int, str]]:
    """(host, port, token) of a running server; ports are drawn from 20000-40000, retried on conflict."""
    env = dict(os.environ, NODEPLAN_TOKEN=TOKEN)
    for _ in range(10):
        port = random.randint(20000, 40000)
        if _accepts(port):
            continue
        process = subprocess.Popen([nodeplan_bin(), "serve", "--host", "127.0.0.1", "--port", str(port),
                                    "--metrics-port", "0", "--log-level", "warning"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None and not _accepts(port):
            time.sleep(0.05)
        if process.poll() is None and _accepts(port):
            try:
                yield "127.0.0.1", port, TOKEN
            finally:
                process.terminate()
                process.wait(timeout=30)
            return
        process.kill()
        process.wait()
    pytest.fail("could not start nodeplan serve on any port tried")


def generate(tmp: Path, *args: str) -> bytes:
    out = tmp / ("-".join(args).replace(" ", "") + ".pb")
    subprocess.run([nodeplan_bin(), "gen", *args, "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out.read_bytes()


@pytest.fixture(scope="session")
def small_snapshot(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return generate(tmp_path_factory.mktemp("snapshots"), "features", "--pods", "30", "--seed", "1")


@pytest.fixture(scope="session")
def big_snapshot(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return generate(tmp_path_factory.mktemp("snapshots"), "benchmark", "--pods", "20000")
