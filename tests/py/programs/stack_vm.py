# A tiny compiler from arithmetic expressions (via ast) to a stack machine, and its interpreter.
import ast
def compile_expr(node, out):
    match node:
        case ast.Expression(body):
            compile_expr(body, out)
        case ast.Constant(value=int() | float() as v):
            out.append(('PUSH', v))
        case ast.Name(id=name):
            out.append(('LOAD', name))
        case ast.BinOp(left, op, right):
            compile_expr(left, out)
            compile_expr(right, out)
            out.append((type(op).__name__.upper(),))
        case ast.UnaryOp(ast.USub(), operand):
            compile_expr(operand, out)
            out.append(('NEG',))
        case ast.Call(ast.Name(id=fname), args, []):
            for a in args:
                compile_expr(a, out)
            out.append(('CALL', fname, len(args)))
        case _:
            raise SyntaxError(f'unsupported: {ast.dump(node)}')
    return out
FUNCS = {'max': max, 'min': min, 'abs': abs}
def run(code, env):
    stack = []
    for ins in code:
        match ins:
            case ('PUSH', v): stack.append(v)
            case ('LOAD', n): stack.append(env[n])
            case ('NEG',): stack.append(-stack.pop())
            case ('ADD',) | ('SUB',) | ('MULT',) | ('DIV',) | ('MOD',) | ('POW',) | ('FLOORDIV',):
                b, a = stack.pop(), stack.pop()
                stack.append({'ADD': a + b, 'SUB': a - b, 'MULT': a * b, 'MOD': a % b if b else None,
                              'POW': a ** b if abs(b) < 100 else None, 'FLOORDIV': a // b if b else None,
                              'DIV': a / b if b else None}[ins[0]])
            case ('CALL', f, n):
                args = stack[-n:]
                del stack[-n:]
                stack.append(FUNCS[f](*args))
    return stack.pop()
env = {'x': 7, 'y': -3}
for src in ['1 + 2 * 3', '(x + y) ** 2', '-x // 2', 'max(x, y, 10) - min(1, y)', 'abs(y) * 2.5', 'x % 4 + y / 2', 'x < y']:
    try:
        code = compile_expr(ast.parse(src, mode='eval'), [])
        print(src, code, run(code, env), eval(src, {}, dict(env, **FUNCS)))
    except SyntaxError as e:
        print(src, 'SyntaxError', e)
