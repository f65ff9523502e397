f(**if)
