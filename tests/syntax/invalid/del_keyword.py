del if
