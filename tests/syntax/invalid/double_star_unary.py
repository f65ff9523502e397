x = ** a
