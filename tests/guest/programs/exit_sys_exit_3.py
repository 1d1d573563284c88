# sys.exit(3): exit status 3, nothing on stderr, finally blocks still run.
import sys
def main():
    try:
        print("main running")
        sys.exit(3)
    finally:
        print("finally before exit")
main()
print("never")
