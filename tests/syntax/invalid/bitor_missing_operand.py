x = a |
