where = 'namespace package module'
