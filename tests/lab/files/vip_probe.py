"""Call the VIP over and over and record every outcome (run in the client container).

usage: vip_probe.py HOST PORT SECONDS [INTERVAL]
Prints one JSON line: the results as [monotonic time, ok, reply or error].
"""

import json
import socket
import sys
import time


def call(host, port, timeout=0.5):
    with socket.create_connection((host, port), timeout=timeout) as conn:
        conn.settimeout(timeout)
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(256)
            if not chunk:
                break
            data += chunk
    return data.decode().strip()


def main():
    host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    interval = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
    results, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            reply = call(host, port)
            results.append([started, reply.startswith("client="), reply])
        except OSError as exc:
            results.append([started, False, str(exc)])
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
