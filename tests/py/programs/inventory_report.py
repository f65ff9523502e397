# A formatted report: grouping, sorting with multiple keys, f-string alignment and totals.
rows = [
    ('widget', 'tools', 4, 3.5), ('gadget', 'toys', 10, 1.25), ('sprocket', 'tools', 7, 0.8),
    ('doohickey', 'misc', 1, 12.0), ('yo-yo', 'toys', 25, 0.99), ('hammer', 'tools', 2, 15.75),
]
by_cat = {}
for name, cat, qty, price in rows:
    by_cat.setdefault(cat, []).append((name, qty, price))
grand = 0.0
print(f"{'Item':<12}{'Qty':>5}{'Price':>9}{'Total':>10}")
print('-' * 36)
for cat in sorted(by_cat):
    print(f'[{cat.upper()}]')
    sub = 0.0
    for name, qty, price in sorted(by_cat[cat], key=lambda r: (-r[1] * r[2], r[0])):
        total = qty * price
        sub += total
        print(f'  {name:<10}{qty:>5}{price:>9.2f}{total:>10.2f}')
    print(f"{'subtotal':>26}{sub:>10.2f}")
    grand += sub
print('=' * 36)
print(f"{'TOTAL':>26}{grand:>10.2f}")
print(f'{len(rows)} items, average price {sum(r[3] for r in rows) / len(rows):.3f}, most stocked: {max(rows, key=lambda r: r[2])[0]}')
