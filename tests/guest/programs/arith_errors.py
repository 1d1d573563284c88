# Arithmetic errors and their messages.
cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0),
    lambda: 2.0 ** 10000, lambda: 0 ** -1, lambda: int("abc"), lambda: int("1.5"),
    lambda: float("x"), lambda: 1 + "a", lambda: "a" * 1.5, lambda: [] - [],
    lambda: -"s", lambda: ~1.5, lambda: abs("x"), lambda: int(float("inf")),
    lambda: int(float("nan")), lambda: pow(2, 3, 0), lambda: round("x"),
    lambda: 10 ** 10 ** 10 if False else (1).to_bytes(1, "big", signed=False) + (256).to_bytes(1, "big"),
    lambda: None + 1, lambda: {} < {}, lambda: [1] < ["a"], lambda: complex(1, 1) // 1,
    lambda: chr(-1), lambda: ord("ab"), lambda: math.sqrt(-1), lambda: math.log(0),
]
import math
for i, case in enumerate(cases):
    try:
        r = case()
    except Exception as e:
        print(i, type(e).__name__, e)
    else:
        print(i, "ok", r)
