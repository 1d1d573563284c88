# argv: alpha "two words" --flag=3 -v
# Reads sys.argv (the harness passes the arguments from the argv marker above).
import sys
print(sys.argv[0], len(sys.argv))
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg))
import argparse
parser = argparse.ArgumentParser(prog="argv_reader")
parser.add_argument("name")
parser.add_argument("phrase")
parser.add_argument("--flag", type=int, default=0)
parser.add_argument("-v", action="store_true")
ns = parser.parse_args()
print(ns.name, ns.phrase, ns.flag * 2, ns.v)
print(sys.orig_argv[-5:] if hasattr(sys, "orig_argv") and False else "ok")
