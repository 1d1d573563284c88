def f(a,
      b):
    x = (a +
         b)
    y = [
        a,
        b,
    ]
    if (a and
            b):
        return (x,
                y)
    return None

print(f(1,
        2))
