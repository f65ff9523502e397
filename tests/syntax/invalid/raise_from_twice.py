raise E from a from b
