def f():
    pass
    
	
  # odd indent comment
x = 1
