import re, statistics, sys
runs = {}
cur = None
for line in open('Benchmarks/results/2026-11-30/frames-runs.txt'):
    m = re.match(r'== round (\d) (\w+) (fps\d+)', line)
    if m:
        cur = (m.group(2), m.group(3)); runs.setdefault(cur, []).append({}); continue
    f = line.split()
    if cur and len(f) >= 12 and re.match(r'\d+x\d+', f[1]):
        runs[cur][-1][(f[0], f[1])] = dict(sim=float(f[2]), draw=float(f[3]), pres=float(f[4]), dcpu=float(f[6]), pcpu=float(f[7]), bytes=float(f[9]))
def med(key, sc, field):
    vals = [r[sc][field] for r in runs.get(key, []) if sc in r]
    return statistics.median(vals) if vals else float('nan')
def rng(key, sc, f):
    vals = [(r[sc]['draw'] + r[sc]['pres']) * f / 10 for r in runs.get(key, []) if sc in r]
    return f"{min(vals):.1f}–{max(vals):.1f}" if vals else "?"
size = sys.argv[1] if len(sys.argv) > 1 else '200x60'
scs = sorted({k for r in runs.get(('m2','fps60'), []) for k in r if k[1] == size}, key=lambda k: -(med(('m2','fps60'), k, 'draw') + med(('m2','fps60'), k, 'pres')))
print(f"| screen ({size}) | 30-fps frames: draw+present ms base → now | bytes/frame base → now | 60-fps frames: draw / present ms | share of a core at 60 fps, wall (range) | CPU-time share | bytes/frame | simulate ms |")
print("|---|---|---|---|---|---|---|---|")
for sc in scs:
    b, n, s = ('base','fps30'), ('m2','fps30'), ('m2','fps60')
    bt = med(b, sc, 'draw') + med(b, sc, 'pres'); nt = med(n, sc, 'draw') + med(n, sc, 'pres')
    d6, p6 = med(s, sc, 'draw'), med(s, sc, 'pres')
    cpu = (med(s, sc, 'dcpu') + med(s, sc, 'pcpu')) * 6
    print(f"| {sc[0]} | {bt:.2f} → {nt:.2f} | {med(b,sc,'bytes'):.0f} → {med(n,sc,'bytes'):.0f} | {d6:.2f} / {p6:.2f} | {(d6+p6)*6:.1f} % ({rng(s, sc, 60)}) | {cpu:.1f} % | {med(s,sc,'bytes'):.0f} | {med(s,sc,'sim'):.1f} |")
