# The if __name__ == "__main__": idiom, plus __name__ checks in functions.
def helper():
    return "helper sees __name__ = " + __name__
def main(argv):
    print("main called with", len(argv), "args; argv[0] endswith .py:", argv[0].endswith(".py"))
    print(helper())
    return 0
if __name__ == "__main__":
    import sys
    print("running as script")
    status = main(sys.argv)
    print("status", status)
else:
    print("imported, not run")
