def f(flag):
    try:
        if flag:
            return 'early'
        x = 'late'
    finally:
        print('cleanup', flag)
    return x

print(f(True))
print(f(False))
