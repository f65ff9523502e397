global if
