x = a <<
