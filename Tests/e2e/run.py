#!/usr/bin/env python3
"""End-to-end tests of the real csdash binary: the CLI, and the dashboard in a real terminal (tmux).

Usage: python3 Tests/e2e/run.py PATH/TO/csdash
Prints one line per test and closes with 'N passed, N failed'; exits 1 on any failure.
"""
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cli_tests  # noqa: E402
import corpus_tests  # noqa: E402
import readonly_tests  # noqa: E402
import import_tests  # noqa: E402
import config_tests  # noqa: E402
import dashboard_tests  # noqa: E402
import terminal_tests  # noqa: E402
import wall_tests  # noqa: E402
import status_tests  # noqa: E402
import spc_tests  # noqa: E402
import words_tests  # noqa: E402
import pack_tests  # noqa: E402


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/csdash")
    modules = [cli_tests, config_tests, import_tests, corpus_tests, readonly_tests, dashboard_tests, terminal_tests, wall_tests,
               status_tests, spc_tests, words_tests, pack_tests]
    only = os.environ.get("CSDASH_E2E_ONLY")  # e.g. corpus_tests, to run one module
    if only:
        modules = [m for m in modules if m.__name__ == only]
        if not modules:
            print(f"e2e: no test module named {only!r}")
            return 1
    passed = failed = 0
    for module in modules:
        for name in sorted(n for n in dir(module) if n.startswith("test_")):
            try:
                getattr(module, name)(binary)
                passed += 1
                print(f"ok   {module.__name__}.{name}")
            except Exception:
                failed += 1
                print(f"FAIL {module.__name__}.{name}")
                traceback.print_exc()
    print(f"e2e: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
