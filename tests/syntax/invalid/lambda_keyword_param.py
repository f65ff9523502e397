f = lambda if: 0
