raise if
