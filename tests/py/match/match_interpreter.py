# A tiny stack-machine interpreter driven by match on tuples.
program = [('push', 3), ('push', 4), ('add',), ('dup',), ('mul',), ('push', 2), ('swap',), ('sub',), ('print',), ('jz', 99), ('push', 0), ('jz', 13), ('push', 'never'), ('halt',)]
stack, pc = [], 0
while True:
    match program[pc]:
        case ('push', v):
            stack.append(v)
        case ('add',):
            b, a = stack.pop(), stack.pop(); stack.append(a + b)
        case ('sub',):
            b, a = stack.pop(), stack.pop(); stack.append(a - b)
        case ('mul',):
            b, a = stack.pop(), stack.pop(); stack.append(a * b)
        case ('dup',):
            stack.append(stack[-1])
        case ('swap',):
            stack[-1], stack[-2] = stack[-2], stack[-1]
        case ('print',):
            print('top', stack[-1])
        case ('jz', target):
            if stack.pop() == 0:
                pc = target
                continue
        case ('halt',):
            break
        case op:
            raise ValueError(op)
    pc += 1
print('stack', stack, 'pc', pc)
