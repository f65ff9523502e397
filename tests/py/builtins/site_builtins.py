# Builtins added by the site module: exit/quit/help/copyright/credits/license reprs, and breakpoint() via sys.breakpointhook.
import sys
print(repr(exit), repr(quit), type(exit).__name__)
print(repr(help))
print(repr(license))
print(str(copyright).splitlines()[0][:20] if str(copyright) else '')
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or 'hook result'
print(breakpoint(1, x=2), calls)
sys.breakpointhook = sys.__breakpointhook__
