#!/usr/bin/env python3
"""Counts the bytes csdash really writes to its terminal: runs the dashboard on a pseudo-terminal of
COLSxROWS, waits for the first frame, then presses keys and counts what comes back after each.

usage: pty_bytes.py CSDASH DATA_DIR [COLS ROWS]
prints JSON: {"first_frame": n, "moves": [n, ...], "open": n, "back": n}
"""
import json
import os
import select
import struct
import subprocess
import sys
import termios
import fcntl
import time

QUIET = 0.4  # seconds without output that end a frame


def drain(fd, first_timeout):
    """Bytes until the terminal has been quiet for QUIET seconds (waiting up to first_timeout for the start)."""
    total = 0
    deadline = time.monotonic() + first_timeout
    while True:
        wait = QUIET if total else max(0.0, deadline - time.monotonic())
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            return total
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return total
        if not chunk:
            return total
        total += len(chunk)


def main():
    exe, data = sys.argv[1], sys.argv[2]
    cols = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([exe, data], stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    try:
        result = {"first_frame": drain(master, 30.0)}
        moves = []
        for _ in range(5):
            os.write(master, b"j")
            moves.append(drain(master, 5.0))
        result["moves"] = moves
        os.write(master, b"\r")
        result["open"] = drain(master, 5.0)
        os.write(master, b"\x7f")  # Backspace: back (Esc would wait for ESCDELAY)
        result["back"] = drain(master, 5.0)
        os.write(master, b"q")
        drain(master, 2.0)
    finally:
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(master)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
