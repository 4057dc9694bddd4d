"""Sends a snapshot file to a running nodeplan server and prints the plan.

    NODEPLAN_TOKEN=secret python example.py 127.0.0.1 7433 /tmp/s.pb
"""
from __future__ import annotations

import os
import sys

from nodeplan_client import Client, NodeplanError


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "rb") as file:
        snapshot = file.read()
    try:
        with Client(host, port, token=os.environ.get("NODEPLAN_TOKEN", "")) as client:
            print(f"server {client.server_info().version}")
            plan = client.solve(snapshot, deadline=10.0)
    except NodeplanError as failure:
        print(f"solve failed: {failure} (code {failure.code.value})", file=sys.stderr)
        return 1
    for launch in plan.launches:
        print(f"launch {launch.name}: {launch.choice.instance_type} in zone {launch.choice.zone}, "
              f"{len(launch.pods)} pods, {launch.choice.price:.4f} USD/h")
    for assignment in plan.assignments:
        print(f"place {len(assignment.pods)} pods on {assignment.node}")
    for unplaced in plan.unschedulable:
        print(f"unschedulable pod {unplaced.pod}: {unplaced.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
