del 1.x.
