# Found by python3 -m evalframe.fuzz on 3.12/3.13 hosts: ~ on a bool warns there
# (DeprecationWarning) at the guest's line, in every execution mode.
x = True
print(~x)
def f(a, b):
    for i in range(3):
        y = ~a + ~b
    return y
print(f(True, 3), f(2, 3))
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        ~x
    except DeprecationWarning as e:
        print("error:", type(e).__name__)
