# A state machine driven by a scripted list of commands (dict dispatch, match, string ops).
rooms = {
    'hall': {'desc': 'a long hall', 'exits': {'north': 'kitchen', 'east': 'study'}, 'items': ['lamp']},
    'kitchen': {'desc': 'a warm kitchen', 'exits': {'south': 'hall'}, 'items': ['knife', 'bread']},
    'study': {'desc': 'a dusty study', 'exits': {'west': 'hall'}, 'items': []},
}
state = {'room': 'hall', 'inventory': []}
def do(cmd):
    words = cmd.split()
    match words:
        case ['look']:
            r = rooms[state['room']]
            return f"You are in {r['desc']}. Exits: {', '.join(sorted(r['exits']))}. Items: {r['items'] or 'none'}"
        case ['go', direction]:
            nxt = rooms[state['room']]['exits'].get(direction)
            if nxt is None:
                return f"You can't go {direction}."
            state['room'] = nxt
            return f'You go {direction} to the {nxt}.'
        case ['take', item] if item in rooms[state['room']]['items']:
            rooms[state['room']]['items'].remove(item)
            state['inventory'].append(item)
            return f'Taken: {item}'
        case ['take', item]:
            return f'There is no {item} here.'
        case ['inventory' | 'inv']:
            return 'You carry: ' + (', '.join(state['inventory']) or 'nothing')
        case []:
            return 'Say something.'
        case _:
            return f'Unknown command: {cmd!r}'
for c in ['look', 'take lamp', 'go north', 'look', 'take bread', 'take sword', 'go up', 'go south', 'go east', 'inv', '', 'dance wildly']:
    print('>', c)
    print(do(c))
