def describe(v):
    match v:
        case 0:
            return 'zero'
        case [x, y]:
            return 'pair %s %s' % (x, y)
        case {'k': val}:
            return 'dict %s' % val
        case str() as s if len(s) > 2:
            return 'long str'
        case _:
            return 'other'

for v in (0, [1, 2], {'k': 3}, 'abcd', 'a'):
    print(describe(v))
