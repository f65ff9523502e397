f() g
