class Base:
    kind = 'base'

    def __init__(self, v):
        self.v = v

    def describe(self):
        return '%s:%s' % (self.kind, self.v)


class Child(Base):
    kind = 'child'

    def describe(self):
        head = super().describe()
        return head + '!'

    @property
    def double(self):
        return self.v * 2

c = Child(4)
print(c.describe())
print(c.double)
