os.chmod(p, 0777)
