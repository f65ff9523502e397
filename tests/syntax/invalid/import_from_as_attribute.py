from x import a as b.c
