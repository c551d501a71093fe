"""Run the property tests of tests/test_fuzz.py for longer, with fresh random seeds, until time is up.

    python scripts/fuzz.py --minutes 10 [--examples 500]

Each round runs the properties with ``--examples`` examples each and a new seed; a failing round
stops the run, and Hypothesis prints the smallest failing input and the seed to replay it.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0, help="how long to keep fuzzing")
    parser.add_argument("--examples", type=int, default=300, help="examples per property per round")
    args = parser.parse_args()
    deadline = time.monotonic() + 60 * args.minutes
    env = dict(os.environ, KG_FUZZ_EXAMPLES=str(args.examples))
    rounds = 0
    while time.monotonic() < deadline:
        seed = random.SystemRandom().randrange(2**32)
        rounds += 1
        print(f"round {rounds}: seed {seed}", flush=True)
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                               f"--hypothesis-seed={seed}", str(ROOT / "tests" / "test_fuzz.py")], cwd=ROOT, env=env)
        if done.returncode != 0:
            print(f"failed in round {rounds} (seed {seed})", file=sys.stderr)
            return 1
    print(f"{rounds} rounds without a failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
