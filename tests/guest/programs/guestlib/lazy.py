"""Guest module that is imported lazily, inside a function."""
print("guestlib.lazy executing, __name__ =", __name__)
loaded_from = __name__
