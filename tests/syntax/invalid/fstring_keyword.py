x = f'{if}'
