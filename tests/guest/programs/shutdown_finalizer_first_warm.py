# A finalizer at interpreter shutdown runs loops (code fused, or translated, for the first time while the host finalizes): the same results as CPython
import sys


class Report:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        total = 0
        for i in range(200):
            if i % 3:
                total += i * 2
            else:
                total -= 1
        words = []
        k = 0
        while k < 50:
            words.append(str(k % 7))
            k += 1
        print(self.name, total, "".join(words), sys.is_finalizing())


keep = Report("at exit")
print("main done")
