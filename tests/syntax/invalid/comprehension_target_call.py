y = {x for f(x) in z}
