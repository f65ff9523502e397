# A discrete-event simulation with heapq, generators as processes and a seeded RNG.
import heapq, random
rng = random.Random(42)
events, now, seq = [], 0.0, 0
log = []
def schedule(delay, proc, value=None):
    global seq
    heapq.heappush(events, (now + delay, seq, proc, value))
    seq += 1
def customer(name, arrive):
    yield arrive
    log.append(f'{now:6.2f} {name} arrives')
    service = round(rng.uniform(1, 3), 2)
    yield service
    log.append(f'{now:6.2f} {name} leaves after {service}')
for i in range(5):
    p = customer(f'c{i}', round(rng.uniform(0, 5), 2))
    schedule(0, p)
while events:
    now, _, proc, _ = heapq.heappop(events)
    try:
        delay = next(proc)
        schedule(delay, proc)
    except StopIteration:
        pass
print('\n'.join(log))
print(f'finished at {now:.2f}')
