# argv: --unknown
# argparse usage error: message on stderr and exit status 2.
import argparse
parser = argparse.ArgumentParser(prog="tool", description="demo")
parser.add_argument("--count", type=int, default=1)
print("parsing")
args = parser.parse_args()
print("never", args)
