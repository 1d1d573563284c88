def parse(words):
    out = []
    for w in words:
        try:
            out.append(int(w))
        except ValueError:
            out.append(None)
            continue
        finally:
            out.append('|')
    return out

print(parse(['1', 'x', '3']))
