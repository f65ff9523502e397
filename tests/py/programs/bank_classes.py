# A small bank model: classes, properties, exceptions, class attributes.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f'{account.owner} cannot withdraw {amount}; balance {account.balance}')
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self._balance += amount
        self.history.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(('withdraw', amount))
    def __repr__(self):
        return f'Account#{self.id}({self.owner!r}, {self._balance})'
class Savings(Account):
    rate = 0.05
    def add_interest(self):
        self.deposit(round(self.balance * self.rate, 2))
def transfer(a, b, amount):
    a.withdraw(amount)
    b.deposit(amount)
alice, bob = Account('alice', 100), Savings('bob', 50)
transfer(alice, bob, 30)
bob.add_interest()
print(alice, bob, bob.history)
for amt in (500, -1):
    try:
        if amt > 0:
            transfer(alice, bob, amt)
        else:
            alice.deposit(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
accounts = sorted([alice, bob, Account('carol', 75)], key=lambda a: a.balance)
print(accounts, sum(a.balance for a in accounts))
