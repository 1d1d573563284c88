# Matrices as lists of lists: multiply, transpose, power, determinant (Fraction), identity checks.
from fractions import Fraction
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result
def det(m):
    m = [[Fraction(x) for x in row] for row in m]
    n, d = len(m), Fraction(1)
    for i in range(n):
        pivot = next((r for r in range(i, n) if m[r][i] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != i:
            m[i], m[pivot] = m[pivot], m[i]
            d = -d
        d *= m[i][i]
        for r in range(i + 1, n):
            f = m[r][i] / m[i][i]
            m[r] = [a - f * b for a, b in zip(m[r], m[i])]
    return d
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B), [list(r) for r in zip(*A)], matmul(identity(2), [[5, 6], [7, 8]]))
print(matpow([[1, 1], [1, 0]], 90)[0][1])
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [2, 4]]), det([[Fraction(1, 2), 3], [4, 5]]), det(identity(5)))
n = 12
M = [[(i * 7 + j * 3) % 11 - 5 for j in range(n)] for i in range(n)]
P = matmul(M, M)
print(sum(map(sum, P)), P[0][:6], max(max(r) for r in P), det(M))
def transpose_inplace(m):
    for i in range(len(m)):
        for j in range(i + 1, len(m)):
            m[i][j], m[j][i] = m[j][i], m[i][j]
    return m
print(transpose_inplace([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
spiral, grid = [], [[r * 5 + c for c in range(5)] for r in range(4)]
while grid:
    spiral += grid.pop(0)
    grid = [list(r) for r in zip(*grid)][::-1]
print(spiral)
