def trace_calls(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return result
    return wrapper

@trace_calls
def mul(a, b=2):
    return a * b

print(mul(3), mul(3, b=4))
