#!/usr/bin/env python3
"""Checks a `make dist` tarball as the office-screen machine would use it (ncursesw, no Swift):
ldd of the binary names no Swift library; the unpacked binary finds its sample data, themes, man page and
completions; a copy of the binary on its own still has every shipped theme; the dashboard opens in a terminal.

Usage: python3 Tests/e2e/dist_check.py csdash-VERSION-linux-ARCH.tar.gz
"""
import os
import subprocess
import sys
import tarfile
import tempfile
import time

SWIFT_LIBS = ("swift", "Foundation", "dispatch", "BlocksRuntime", "icu")


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok   {what.splitlines()[0]}")


def main(tarball):
    work = tempfile.mkdtemp(prefix="csdash-dist-")
    with tarfile.open(tarball) as t:
        t.extractall(work, filter="data")
    top = os.path.join(work, os.listdir(work)[0])
    binary = os.path.join(top, "bin", "csdash")
    # A bare environment: no Swift on the PATH, no library path, an empty config folder.
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "cfg"), "LANG": "C.UTF-8"}

    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    bad = [line.strip() for line in ldd.splitlines() if any(s in line for s in SWIFT_LIBS)]
    check(not bad, "ldd names no Swift library\n" + "\n".join(bad))
    check("ncursesw" in ldd, "the binary links ncursesw from the system\n" + ldd)
    check("not found" not in ldd, "every library it needs is found\n" + ldd)

    for rel in ["share/csdash/gloucestershire/indicators.yaml", "share/csdash/Themes/colour-blind.yaml",
                "share/csdash/Themes/README.md", "share/man/man1/csdash.1", "share/bash-completion/completions/csdash",
                "share/zsh/site-functions/_csdash", "share/fish/vendor_completions.d/csdash.fish", "README.md"]:
        check(os.path.isfile(os.path.join(top, rel)), f"the tarball has {rel}")

    p = subprocess.run([binary, "snapshot", "--size", "100x30"], capture_output=True, text=True, env=env, timeout=60)
    check(p.returncode == 0 and "Children's Services Performance" in p.stdout,
          f"the unpacked binary opens the bundled sample\n{p.stderr}")
    p = subprocess.run([binary, "config"], capture_output=True, text=True, env=env, timeout=60)
    check(os.path.join(top, "share/csdash/gloucestershire") in p.stdout, f"config names the bundled sample\n{p.stdout}")

    # The binary copied on its own still has every shipped theme (they are compiled in).
    alone = os.path.join(work, "alone")
    os.mkdir(alone)
    subprocess.run(["cp", binary, alone], check=True)
    for theme in ["default", "light", "high-contrast", "colour-blind", "mono"]:
        p = subprocess.run([os.path.join(alone, "csdash"), "snapshot", os.path.join(top, "share/csdash/gloucestershire"),
                            "--theme", theme, "--color", "always", "--depth", "256"],
                           capture_output=True, text=True, env=env, timeout=60)
        check(p.returncode == 0 and "\x1b[" in p.stdout, f"a lone copy of the binary draws theme {theme}\n{p.stderr}")

    # The dashboard in a terminal (tmux, an isolated server), then q.
    sock = f"csdash-dist-{os.getpid()}"
    envs = " ".join(f"{k}={v}" for k, v in env.items())
    subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                    f"env -i {envs} TERM=xterm-256color {binary}; echo CSDASH-EXITED $?; sleep 30"], check=True)
    try:
        screen = ""
        for _ in range(100):
            screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if "Social care" in screen:
                break
            time.sleep(0.1)
        check("Children's Services Performance" in screen and "Social care" in screen,
              f"the unpacked dashboard opens the sample in a terminal\n{screen}")
        subprocess.run(["tmux", "-L", sock, "send-keys", "q"])
        for _ in range(50):
            screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if "CSDASH-EXITED" in screen:
                break
            time.sleep(0.1)
        check("CSDASH-EXITED 0" in screen, f"q quits with status 0\n{screen}")
    finally:
        subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
    print(f"dist: {tarball} checked")


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except AssertionError as e:
        print(f"FAIL {e}")
        sys.exit(1)
