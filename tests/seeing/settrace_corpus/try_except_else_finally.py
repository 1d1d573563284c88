def f(v):
    log = []
    try:
        log.append('try')
        if v == 1:
            raise ValueError
        if v == 2:
            raise KeyError
    except ValueError:
        log.append('value')
    except KeyError:
        log.append('key')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log

for v in (0, 1, 2):
    print(f(v))
