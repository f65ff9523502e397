# calendar text output and graphlib topological sorting.
import calendar, graphlib
print(calendar.month(2024, 2))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.leapdays(1900, 2024), calendar.monthrange(2023, 2), calendar.weekday(2024, 1, 1))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2021, 8))
ts = graphlib.TopologicalSorter({'d': {'b', 'c'}, 'c': {'a'}, 'b': {'a'}})
order = list(ts.static_order())
print(order[0], order[-1], sorted(order[1:3]))
try:
    list(graphlib.TopologicalSorter({'a': {'b'}, 'b': {'a'}}).static_order())
except graphlib.CycleError as e:
    print('CycleError', e.args[0])
