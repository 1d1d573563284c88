# cProfile.Profile used from a guest program (import cProfile): the guest's functions are what it counts.
import cProfile, pstats, io
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
pr = cProfile.Profile()
pr.enable()
fib(12)
pr.disable()
s = io.StringIO()
st = pstats.Stats(pr, stream=s)
print(sorted((k[2], v[1]) for k, v in st.stats.items() if not k[0].startswith("~")))
