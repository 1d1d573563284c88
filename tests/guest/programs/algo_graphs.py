# Graphs: BFS, DFS (recursive and iterative), shortest paths (Dijkstra), topological sort, components.
from collections import deque
import heapq
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g"), ("e", "h"), ("c", "h")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
for k in graph:
    graph[k].sort()
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    dist = {start: 0}
    while q:
        n = q.popleft()
        order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m); dist[m] = dist[n] + 1; q.append(m)
    return order, dist
print(bfs("a"))
def dfs(n, seen=None):
    seen = [] if seen is None else seen
    seen.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
def dfs_iter(start):
    seen, stack = [], [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.append(n)
            stack.extend(reversed(graph[n]))
    return seen
print(dfs("a"), dfs_iter("a"), dfs("f"))
def components():
    seen, comps = set(), []
    for n in sorted(graph):
        if n not in seen:
            comp = dfs(n)
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print(components())
weighted = {"s": {"a": 7, "b": 2}, "a": {"c": 1}, "b": {"a": 3, "c": 8, "d": 5}, "c": {"t": 2}, "d": {"t": 6}, "t": {}}
def dijkstra(src):
    dist, prev = {src: 0}, {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in weighted[u].items():
            if d + w < dist.get(v, float("inf")):
                dist[v], prev[v] = d + w, u
                heapq.heappush(pq, (d + w, v))
    path, n = [], "t"
    while n != src:
        path.append(n); n = prev[n]
    return dict(sorted(dist.items())), [src] + path[::-1]
print(dijkstra("s"))
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "core": [], "tests": ["app"]}
def topo(deps):
    indeg = {k: 0 for k in deps}
    for k, vs in deps.items():
        for v in vs:
            indeg[k] += 1
    ready = sorted(k for k, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for k, vs in sorted(deps.items()):
            if n in vs:
                indeg[k] -= 1
                if indeg[k] == 0:
                    ready.append(k)
                    ready.sort()
    return order
print(topo(deps))
maze = ["S.#.....", ".##.###.", "....#...", ".##...#E"]
def solve_maze():
    R, C = len(maze), len(maze[0])
    start = next((r, c) for r in range(R) for c in range(C) if maze[r][c] == "S")
    q, came = deque([start]), {start: None}
    while q:
        r, c = q.popleft()
        if maze[r][c] == "E":
            path, cur = [], (r, c)
            while cur:
                path.append(cur); cur = came[cur]
            return len(path) - 1, path[::-1]
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and maze[nr][nc] != "#" and (nr, nc) not in came:
                came[(nr, nc)] = (r, c); q.append((nr, nc))
print(solve_maze())
