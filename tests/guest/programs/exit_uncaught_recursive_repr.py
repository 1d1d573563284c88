# Ends with an exception whose message contains reprs of guest objects and a multi-line str.
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __repr__(self):
        return "Matrix(%r)" % self.rows
    def __matmul__(self, other):
        if len(self.rows[0]) != len(other.rows):
            raise ValueError("shape mismatch:\n  left  %r\n  right %r" % (self, other))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*other.rows)] for r in self.rows])
a = Matrix([[1, 2], [3, 4]])
print(a @ a)
print(a @ Matrix([[1, 2, 3]]))
